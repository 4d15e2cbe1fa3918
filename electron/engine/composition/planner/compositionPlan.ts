import type { Box, Dims } from '../../local/geometry';
import type { TargetSize } from '../../../domain/sizes/targetSize';

/**
 * How a size is made: `crop` shows part of the source over the whole canvas; `crop_pad` shows a crop that still
 * leaves a margin of fill on some side (the least fill that keeps what must stay whole); `pad` shows the whole
 * source with fill around it.
 */
export type LayoutMethod = 'crop' | 'crop_pad' | 'pad';

/** One size's layout: `region` of the source (whole source pixels) scaled uniformly into `placement` of the canvas. */
export interface CompositionPlan {
  readonly method: LayoutMethod;
  readonly target: TargetSize;
  readonly region: Box;
  /** Target pixels; the whole canvas for a crop. */
  readonly placement: Box;
  /** Share (0..1) of the canvas that is fill, not source. */
  readonly fillShare: number;
}

/**
 * A candidate layout as a window of the target's aspect ratio laid over the source, in source pixels: it may
 * reach past the source's edges (what lies outside is fill). Every plan is one of these, turned into pixels.
 */
export interface LayoutWindow {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The pixel plan for a window: the source part it shows and where that lands on the canvas. */
export function planFromWindow(source: Dims, target: TargetSize, window: LayoutWindow): CompositionPlan {
  const scale = target.width / window.width;
  const left = Math.max(0, window.left);
  const top = Math.max(0, window.top);
  const right = Math.min(source.width, window.left + window.width);
  const bottom = Math.min(source.height, window.top + window.height);
  // Half a target pixel of overhang is rounding, not fill.
  const overhangX = (right - left - window.width) * scale;
  const overhangY = (bottom - top - window.height) * scale;
  if (overhangX > -0.5 && overhangY > -0.5) {
    const region = wholePixels(left, top, right, bottom, source);
    return { method: 'crop', target, region, placement: { left: 0, top: 0, width: target.width, height: target.height }, fillShare: 0 };
  }
  const region = wholePixels(left, top, right, bottom, source);
  const placeLeft = clampInt(Math.round((region.left - window.left) * scale), 0, target.width - 1);
  const placeTop = clampInt(Math.round((region.top - window.top) * scale), 0, target.height - 1);
  const placement = {
    left: placeLeft,
    top: placeTop,
    width: clampInt(Math.round(region.width * scale), 1, target.width - placeLeft),
    height: clampInt(Math.round(region.height * scale), 1, target.height - placeTop),
  };
  const whole = region.left === 0 && region.top === 0 && region.width === source.width && region.height === source.height;
  const fillShare = 1 - (placement.width * placement.height) / (target.width * target.height);
  return { method: whole ? 'pad' : 'crop_pad', target, region, placement, fillShare };
}

function wholePixels(left: number, top: number, right: number, bottom: number, source: Dims): Box {
  const x0 = clampInt(Math.round(left), 0, source.width - 1);
  const y0 = clampInt(Math.round(top), 0, source.height - 1);
  const x1 = clampInt(Math.round(right), x0 + 1, source.width);
  const y1 = clampInt(Math.round(bottom), y0 + 1, source.height);
  return { left: x0, top: y0, width: x1 - x0, height: y1 - y0 };
}

function clampInt(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(Math.max(min, max), value));
}
