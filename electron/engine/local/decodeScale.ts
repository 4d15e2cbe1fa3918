import type { TargetSize } from '../../domain/sizes/targetSize';
import type { Dims } from './geometry';

/**
 * The largest fraction of the source's full size any target can use (capped at 1), to pass to intake as
 * `minScale` so big photos decode smaller (shrink-on-load) with no loss. A cover crop uses the source at scale
 * max(W/width, H/height), and a pad never uses more (it shows more of the source in the same pixels).
 */
export function decodeScaleForTargets(source: Dims, targets: readonly TargetSize[]): number {
  let scale = 0;
  for (const target of targets) scale = Math.max(scale, target.width / source.width, target.height / source.height);
  return Math.min(1, scale || 1);
}
