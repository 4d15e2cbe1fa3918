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
import { marksAsSubjects, type UserMarks } from './userMarks';
import type { Dims } from '../local/geometry';

/** The exact target cut from a larger image, as raw pixels, with the plan and the subjects it was cut around. */
export interface CutImage {
  readonly raw: RawImage;
  readonly plan: CompositionPlan;
  readonly subjects: readonly Subject[];
  readonly notes: readonly string[];
}

/** The user's marks on the source the canvas was generated from, and that source's upright size. */
export interface SourceMarksOnCanvas {
  readonly marks: UserMarks;
  readonly source: Dims;
}

/**
 * Cuts `target` from an encoded image larger than it in a different aspect (fal's generated preset canvas for a
 * far-aspect target) with the local engine's subject-aware planning, crops only: the subjects are found in the
 * generated image itself (it is new content: fal recomposed it), then the best-scoring cover crop is taken. The
 * user's focal point and keep boxes weigh in as in a local size, placed where the source lands in the canvas
 * (see marksOnCanvas).
 */
export async function cropToTarget(
  encoded: Buffer,
  target: TargetSize,
  options: { detector?: SubjectDetector; insets?: SafeInsets; marks?: SourceMarksOnCanvas },
): Promise<CutImage> {
  const { data, info } = await sharp(encoded).rotate().raw().toBuffer({ resolveWithObject: true });
  const source: RawImage = { data, width: info.width, height: info.height, channels: info.channels === 4 ? 4 : 3 };
  const rgb = info.channels === 4 || info.channels === 3 ? source : await asRgb(encoded);
  const detection = options.detector
    ? await options.detector.detect(rgb, { contentHash: createHash('sha256').update(encoded).digest('hex') })
    : { subjects: await saliencySubjects(rgb), notes: [] };
  const subjects = [...detection.subjects, ...(options.marks ? marksAsSubjects(marksOnCanvas(options.marks, rgb), rgb) : [])];
  const { plan } = planComposition({ source: rgb, subjects, insetsFor: options.insets ? () => options.insets! : undefined, cropOnly: true }, target);
  const cut = await sharp(rgb.data, { raw: rawDescriptor(rgb) })
    .extract(plan.region)
    .resize(target.width, target.height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { raw: { data: cut.data, width: cut.info.width, height: cut.info.height, channels: rgb.channels }, plan, subjects, notes: detection.notes };
}

/** Grey or grey+alpha files (fal answers RGB; a stray one is widened so the planner and encoders see 3 channels). */
async function asRgb(encoded: Buffer): Promise<RawImage> {
  const { data, info } = await sharp(encoded).rotate().toColourspace('srgb').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

/**
 * The marks (shares of the source) as shares of the canvas: smart-resize regenerates the whole scene for the new
 * aspect and adds around it, so the source is taken as fitted whole and centred in the canvas (what it shows at
 * the canvas's aspect). A point or box outside the canvas is clamped to it.
 */
function marksOnCanvas({ marks, source }: SourceMarksOnCanvas, canvas: Dims): UserMarks {
  const scale = Math.min(canvas.width / source.width, canvas.height / source.height);
  const shownWidth = (source.width * scale) / canvas.width;
  const shownHeight = (source.height * scale) / canvas.height;
  const x = (share: number) => (1 - shownWidth) / 2 + share * shownWidth;
  const y = (share: number) => (1 - shownHeight) / 2 + share * shownHeight;
  return {
    focus: marks.focus ? { x: x(marks.focus.x), y: y(marks.focus.y) } : undefined,
    keep: marks.keep.map((box) => ({ left: x(box.left), top: y(box.top), width: box.width * shownWidth, height: box.height * shownHeight })),
  };
}
