import { availableParallelism } from 'node:os';
import type { RawImage, SourceImage } from '../intake/types';
import type { TargetSize } from '../../domain/sizes/targetSize';
import { detectSubject } from './detectSubject';
import type { EncodeOptions } from './encodeOutput';
import type { Box } from './geometry';
import { mapWithConcurrency } from '../async/mapWithConcurrency';
import { type LayoutPlan, planLayout } from './planLayout';
import { renderCrop } from './renderCrop';
import { renderPad } from './renderPad';

/** Options of one local render: the encoding, and optionally a subject the caller already found. */
export interface LocalRenderOptions extends EncodeOptions {
  /**
   * The subject box in the decoded pixels, when the caller already ran detectSubject (the 'auto' policy does, to
   * decide local vs fal); null means "no subject, centre". Omitted: detected here.
   */
  readonly subject?: Box | null;
  /** Outputs rendered at once; default: the machine's parallelism, at least 4 (libuv's thread pool size). */
  readonly concurrency?: number;
}

/** One finished output: exactly target.width x target.height, encoded. */
export interface LocalOutput {
  readonly target: TargetSize;
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
  readonly method: LayoutPlan['method'];
}

/**
 * Renders every target from pixels decoded once: finds the subject (unless given), plans each size (cover crop when
 * it keeps the subject whole, else a content-aware pad) and encodes them concurrently, in the targets' order.
 */
export async function renderLocalSizes(
  source: SourceImage | RawImage,
  targets: readonly TargetSize[],
  options: LocalRenderOptions,
): Promise<LocalOutput[]> {
  const raw = 'raw' in source ? source.raw : source;
  const subject = options.subject !== undefined ? options.subject : await detectSubject(raw);
  const concurrency = options.concurrency ?? Math.max(4, availableParallelism());
  return mapWithConcurrency(targets, concurrency, async (target) => {
    const plan = planLayout(raw, subject, target);
    const rendered = plan.method === 'crop' ? await renderCrop(raw, plan, options) : await renderPad(raw, plan, options);
    if (rendered.width !== target.width || rendered.height !== target.height) {
      throw new Error(`local engine produced ${rendered.width}x${rendered.height} for ${target.width}x${target.height}`);
    }
    return { target, bytes: rendered.bytes, width: rendered.width, height: rendered.height, method: plan.method };
  });
}
