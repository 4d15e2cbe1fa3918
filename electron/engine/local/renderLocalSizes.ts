import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { renderPadded } from '../composition/fills';
import { type BackdropSource, backdropSource } from '../composition/fills/backdropSource';
import { DEFAULT_FILL, type FillOptions } from '../composition/fills/fillStyle';
import { type CompositionPlan, type LayoutMethod, planComposition } from '../composition/planner';
import type { SafeInsets } from '../composition/safeZone';
import { saliencySubjects } from '../composition/saliencySubject';
import type { Subject } from '../composition/subjects';
import { subjectsInTarget } from '../composition/subjectsInTarget';
import type { RawImage, SourceImage } from '../decode/types';
import type { TargetSize } from '../../domain/sizes/targetSize';
import { type EncodeOptions, withEncoder } from './encodeOutput';
import { mapWithConcurrency } from '../async/mapWithConcurrency';
import { rawDescriptor, renderCrop } from './renderCrop';

/** Options of one local render: the encoding, the fill, and optionally the subjects the caller already found. */
export interface LocalRenderOptions extends EncodeOptions {
  /**
   * Subjects in the decoded pixels, when the caller already detected them (the job runner does, once per content
   * hash, to decide local vs fal too); an empty list means "nothing found, centre". Omitted: the saliency box only.
   */
  readonly subjects?: readonly Subject[];
  /** How padded layouts are filled; default blur. */
  readonly fill?: FillOptions;
  /** Safe-zone insets of each target's placement, in target pixels. */
  readonly insetsFor?: (target: TargetSize) => SafeInsets;
  /** Outputs rendered at once; default: the machine's parallelism, at least 4 (libuv's thread pool size). */
  readonly concurrency?: number;
}

/** One finished output: exactly target.width x target.height, encoded, with the layout it was made by. */
export interface LocalOutput {
  readonly target: TargetSize;
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
  readonly method: LayoutMethod;
  readonly plan: CompositionPlan;
}

/**
 * Renders every target from pixels decoded once: plans each size by score (crop, crop with the least pad, pad;
 * see composition/planner), fills pads in the profile's style and encodes them concurrently, in the targets' order.
 */
export async function renderLocalSizes(
  source: SourceImage | RawImage,
  targets: readonly TargetSize[],
  options: LocalRenderOptions,
): Promise<LocalOutput[]> {
  const raw = 'raw' in source ? source.raw : source;
  const subjects = options.subjects ?? (await saliencySubjects(raw));
  const concurrency = options.concurrency ?? Math.max(4, availableParallelism());
  // Shrunk once, on the first padded size that needs a backdrop, for all of them.
  let shared: Promise<BackdropSource> | undefined;
  const backdrop = (): Promise<BackdropSource> => (shared ??= backdropSource(raw, targets));
  return mapWithConcurrency(targets, concurrency, async (target) => {
    const { plan } = planComposition({ source: raw, subjects, insetsFor: options.insetsFor }, target);
    const rendered = plan.method === 'crop' ? await renderCrop(raw, plan, options) : await encodePadded(raw, plan, subjects, options, backdrop);
    if (rendered.width !== target.width || rendered.height !== target.height) {
      throw new Error(`local engine produced ${rendered.width}x${rendered.height} for ${target.width}x${target.height}`);
    }
    return { target, bytes: rendered.bytes, width: rendered.width, height: rendered.height, method: plan.method, plan };
  });
}

async function encodePadded(
  raw: RawImage,
  plan: CompositionPlan,
  subjects: readonly Subject[],
  options: LocalRenderOptions,
  backdrop: () => Promise<BackdropSource>,
): Promise<{ bytes: Buffer; width: number; height: number }> {
  const canvas = await renderPadded(raw, plan, options.fill ?? DEFAULT_FILL, subjectsInTarget(subjects, plan), backdrop);
  const pipeline = sharp(canvas.data, { raw: rawDescriptor(canvas) });
  const { data, info } = await withEncoder(pipeline, options, raw.channels === 4).toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}
