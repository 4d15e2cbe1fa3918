import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { TargetSize } from '../../domain/sizes/targetSize';
import type { RawImage } from '../decode/types';
import { rawDescriptor } from '../local/renderCrop';
import type { SubjectDetector } from './detection';
import { type CompositionPlan, planComposition } from './planner';
import type { SafeInsets } from './safeZone';
import { saliencySubjects } from './saliencySubject';
import type { Subject } from './subjects';

/** The exact target cut from a larger image, as raw pixels, with the plan and the subjects it was cut around. */
export interface CutImage {
  readonly raw: RawImage;
  readonly plan: CompositionPlan;
  readonly subjects: readonly Subject[];
  readonly notes: readonly string[];
}

/**
 * Cuts `target` from an encoded image larger than it in a different aspect (fal's generated preset canvas for a
 * far-aspect target) with the local engine's subject-aware planning, crops only: the subjects are found in the
 * generated image itself (it is new content: fal recomposed it), then the best-scoring cover crop is taken.
 */
export async function cropToTarget(encoded: Buffer, target: TargetSize, options: { detector?: SubjectDetector; insets?: SafeInsets }): Promise<CutImage> {
  const { data, info } = await sharp(encoded).rotate().raw().toBuffer({ resolveWithObject: true });
  const source: RawImage = { data, width: info.width, height: info.height, channels: info.channels === 4 ? 4 : 3 };
  const rgb = info.channels === 4 || info.channels === 3 ? source : await asRgb(encoded);
  const detection = options.detector
    ? await options.detector.detect(rgb, { contentHash: createHash('sha256').update(encoded).digest('hex') })
    : { subjects: await saliencySubjects(rgb), notes: [] };
  const { plan } = planComposition({ source: rgb, subjects: detection.subjects, insetsFor: options.insets ? () => options.insets! : undefined, cropOnly: true }, target);
  const cut = await sharp(rgb.data, { raw: rawDescriptor(rgb) })
    .extract(plan.region)
    .resize(target.width, target.height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { raw: { data: cut.data, width: cut.info.width, height: cut.info.height, channels: rgb.channels }, plan, subjects: detection.subjects, notes: detection.notes };
}

/** Grey or grey+alpha files (fal answers RGB; a stray one is widened so the planner and encoders see 3 channels). */
async function asRgb(encoded: Buffer): Promise<RawImage> {
  const { data, info } = await sharp(encoded).rotate().toColourspace('srgb').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}
