import type { TargetSize } from '../../domain/sizes/targetSize';
import { type Box, type Dims, clamp, clipBox } from './geometry';

/**
 * How one target size is made from the source. `crop`: the source `region` (the target's aspect ratio) is scaled
 * to exactly W x H. `pad`: the source `region` (which holds the whole subject) is scaled into `placement` inside
 * the W x H canvas, and the rest of the canvas is filled with a blurred, mirrored extension of the image.
 */
export type LayoutPlan =
  | { readonly method: 'crop'; readonly target: TargetSize; readonly region: Box }
  | {
      readonly method: 'pad';
      readonly target: TargetSize;
      readonly region: Box;
      readonly placement: Box;
      /** Where the subject lands in the output, in target pixels (the pad keeps reflections of it out of the fill). */
      readonly subjectInTarget: Box;
    };

/**
 * Context kept around the subject when padding, as a fraction of its size and at least a fraction of the source
 * side: a subject flush to the edge of the picture looks cut even when it is not.
 */
const SUBJECT_MARGIN = 0.08;
const MIN_MARGIN_OF_SIDE = 0.02;

/** The largest window of the target's aspect ratio that fits in the source (what a cover crop keeps). */
export function coverWindow(source: Dims, target: TargetSize): Dims {
  const width = Math.max(1, Math.min(source.width, Math.round((source.height * target.width) / target.height)));
  const height = Math.max(1, Math.min(source.height, Math.round((source.width * target.height) / target.width)));
  return { width, height };
}

/**
 * True when some cover crop of the source to the target's aspect ratio keeps the whole subject box. With no subject
 * (flat or empty image) any crop is fine. The 'auto' policy uses this to keep a size local or send it to fal.
 */
export function cropKeepsSubject(source: Dims, subject: Box | null, target: TargetSize): boolean {
  if (!subject) return true;
  const window = coverWindow(source, target);
  return subject.width <= window.width && subject.height <= window.height;
}

/** The layout for one target: a cover crop centred on the subject when it fits whole, else a pad (pure). */
export function planLayout(source: Dims, subject: Box | null, target: TargetSize): LayoutPlan {
  const box = subject ? clipBox(subject, source) : null;
  if (cropKeepsSubject(source, box, target)) return { method: 'crop', target, region: cropRegion(source, box, target) };
  // cropKeepsSubject failed, so box is not null here.
  const subjectBox = box as Box;
  const region = padRegion(source, subjectBox, target);
  const placement = centredFit(region, target);
  return { method: 'pad', target, region, placement, subjectInTarget: mapBox(subjectBox, region, placement) };
}

function cropRegion(source: Dims, subject: Box | null, target: TargetSize): Box {
  const window = coverWindow(source, target);
  const centreX = subject ? subject.left + subject.width / 2 : source.width / 2;
  const centreY = subject ? subject.top + subject.height / 2 : source.height / 2;
  return {
    left: placeAlong(centreX, window.width, source.width, subject?.left, subject?.width),
    top: placeAlong(centreY, window.height, source.height, subject?.top, subject?.height),
    width: window.width,
    height: window.height,
  };
}

/** Start of a window of `size` centred on `centre`, inside [0, total], still containing [start, start+length]. */
function placeAlong(centre: number, size: number, total: number, start?: number, length?: number): number {
  let lowest = 0;
  let highest = total - size;
  if (start !== undefined && length !== undefined) {
    lowest = Math.max(lowest, start + length - size);
    highest = Math.min(highest, start);
  }
  return clamp(Math.round(centre - size / 2), lowest, Math.max(lowest, highest));
}

/**
 * The part of the source shown when padding: the full source along the axis the target is more elongated in, and
 * along the other axis just the subject plus a margin. This shows the subject as large as possible; padding the
 * whole source instead would shrink it needlessly (a 728x90 banner from a photo would show a thumbnail).
 */
function padRegion(source: Dims, subject: Box, target: TargetSize): Box {
  const targetIsWider = target.width / target.height >= source.width / source.height;
  if (targetIsWider) {
    const [top, height] = spanWithMargin(subject.top, subject.height, source.height);
    return { left: 0, top, width: source.width, height };
  }
  const [left, width] = spanWithMargin(subject.left, subject.width, source.width);
  return { left, top: 0, width, height: source.height };
}

function spanWithMargin(start: number, length: number, total: number): [number, number] {
  const margin = Math.ceil(Math.max(length * SUBJECT_MARGIN, total * MIN_MARGIN_OF_SIDE));
  const from = Math.max(0, start - margin);
  const to = Math.min(total, start + length + margin);
  return [from, to - from];
}

/** The region scaled to fit ("contain") the target, centred; at least 1x1 and never larger than the target. */
function centredFit(region: Dims, target: TargetSize): Box {
  const scale = Math.min(target.width / region.width, target.height / region.height);
  const width = clamp(Math.round(region.width * scale), 1, target.width);
  const height = clamp(Math.round(region.height * scale), 1, target.height);
  return { left: Math.floor((target.width - width) / 2), top: Math.floor((target.height - height) / 2), width, height };
}

/** A source box as it lands in the output when `region` is scaled into `placement`. */
function mapBox(box: Box, region: Box, placement: Box): Box {
  const scaleX = placement.width / region.width;
  const scaleY = placement.height / region.height;
  const left = placement.left + (box.left - region.left) * scaleX;
  const top = placement.top + (box.top - region.top) * scaleY;
  const right = placement.left + (box.left + box.width - region.left) * scaleX;
  const bottom = placement.top + (box.top + box.height - region.top) * scaleY;
  return { left: Math.floor(left), top: Math.floor(top), width: Math.ceil(right) - Math.floor(left), height: Math.ceil(bottom) - Math.floor(top) };
}
