import type { Box } from '../../local/geometry';
import type { TargetSize } from '../../../domain/sizes/targetSize';
import type { BackdropSource } from './backdropSource';

/** One blur backdrop to make on a backdrop thread: blurBackdrop's arguments. */
export interface BackdropRequest {
  readonly id: number;
  readonly backdrop: BackdropSource;
  readonly region: Box;
  readonly target: TargetSize;
  readonly covered?: Box;
}

/**
 * A backdrop thread's answer: the canvas-sized pixels (their buffer transferred), or why it could not make them.
 * `id` 0 with neither is the thread saying it is loaded and takes requests.
 */
export interface BackdropReply {
  readonly id: number;
  readonly data?: Uint8Array;
  readonly error?: string;
}
