/** A width and height in pixels. */
export interface Dims {
  readonly width: number;
  readonly height: number;
}

/** An axis-aligned rectangle in whole pixels; `left`/`top` are inclusive, the box spans width x height pixels. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Whether `outer` contains every pixel of `inner`. */
export function boxContains(outer: Box, inner: Box): boolean {
  return (
    inner.left >= outer.left &&
    inner.top >= outer.top &&
    inner.left + inner.width <= outer.left + outer.width &&
    inner.top + inner.height <= outer.top + outer.height
  );
}

/** `value` limited to [min, max] (min wins when the range is empty). */
export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** The box clipped to an image of the given size, at least 1x1. */
export function clipBox(box: Box, dims: Dims): Box {
  const left = clamp(Math.floor(box.left), 0, dims.width - 1);
  const top = clamp(Math.floor(box.top), 0, dims.height - 1);
  const right = clamp(Math.ceil(box.left + box.width), left + 1, dims.width);
  const bottom = clamp(Math.ceil(box.top + box.height), top + 1, dims.height);
  return { left, top, width: right - left, height: bottom - top };
}
