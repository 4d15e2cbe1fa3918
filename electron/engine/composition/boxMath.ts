import type { Box } from '../local/geometry';

/** Area of a box (0 for an empty one). */
export function area(box: Box): number {
  return Math.max(0, box.width) * Math.max(0, box.height);
}

/** The overlap of two boxes, or null when they do not overlap. */
function intersect(a: Box, b: Box): Box | null {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.left + a.width, b.left + b.width);
  const bottom = Math.min(a.top + a.height, b.top + b.height);
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : null;
}

/** The smallest box holding every given box, or null for none. */
export function unionOf(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((box) => box.left));
  const top = Math.min(...boxes.map((box) => box.top));
  const right = Math.max(...boxes.map((box) => box.left + box.width));
  const bottom = Math.max(...boxes.map((box) => box.top + box.height));
  return { left, top, width: right - left, height: bottom - top };
}

/** The share (0..1) of `box` that lies inside `frame`; 1 for an empty box. */
export function visibleShare(box: Box, frame: Box): number {
  const whole = area(box);
  if (whole <= 0) return 1;
  const overlap = intersect(box, frame);
  return overlap ? area(overlap) / whole : 0;
}

/** Intersection over union of two boxes (0..1). */
export function iou(a: Box, b: Box): number {
  const overlap = intersect(a, b);
  if (!overlap) return 0;
  const shared = area(overlap);
  return shared / (area(a) + area(b) - shared);
}
