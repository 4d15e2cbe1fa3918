import type { UserMarks } from '../../../../electron/shared';

/** A pointer movement shorter than this (screen pixels) is a click: it sets the focal point instead of drawing a box. */
const CLICK_SLOP = 4;
/** Keep boxes smaller than this share of the source's side are discarded as slips. */
const MIN_BOX_SHARE = 0.01;

const clampShare = (value: number) => Math.min(1, Math.max(0, value));

/** A click (focal point) or a drag (keep box) on the source, from two points in source pixels, as new marks. */
export function marksAfterGesture(
  marks: UserMarks,
  from: { x: number; y: number },
  to: { x: number; y: number },
  source: { width: number; height: number },
  scale: number,
): UserMarks {
  const moved = Math.hypot(to.x - from.x, to.y - from.y) * scale;
  if (moved < CLICK_SLOP) return { ...marks, focus: { x: clampShare(to.x / source.width), y: clampShare(to.y / source.height) } };
  const left = clampShare(Math.min(from.x, to.x) / source.width);
  const top = clampShare(Math.min(from.y, to.y) / source.height);
  const width = clampShare(Math.max(from.x, to.x) / source.width) - left;
  const height = clampShare(Math.max(from.y, to.y) / source.height) - top;
  if (width < MIN_BOX_SHARE || height < MIN_BOX_SHARE) return marks;
  return { ...marks, keep: [...marks.keep, { left, top, width, height }] };
}

/** The same marks? (Save is offered only for a change.) */
export function sameMarks(a: UserMarks, b: UserMarks): boolean {
  return JSON.stringify({ focus: a.focus ?? null, keep: a.keep }) === JSON.stringify({ focus: b.focus ?? null, keep: b.keep });
}

export const NO_MARKS: UserMarks = { keep: [] };
