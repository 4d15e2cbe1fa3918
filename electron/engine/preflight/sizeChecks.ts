import type { PreflightCheck } from '../../domain/placements';
import type { PreflightInput } from './preflightInput';

/** Exact pixels: what a fixed slot needs; a placement the platform resizes also takes its ratio at or above its minimum. */
export function checkPixels({ image, target, placement }: PreflightInput): PreflightCheck {
  const size = `${image.width}x${image.height} px`;
  if (image.width === target.width && image.height === target.height) return { id: 'pixels', status: 'pass', message: `Exactly ${size}.` };
  const resizes = placement !== undefined && placement.aspectTolerance > 0;
  const min = placement?.minSize;
  if (resizes && aspectOff(image, target) <= placement.aspectTolerance && (!min || (image.width >= min.width && image.height >= min.height))) {
    return { id: 'pixels', status: 'pass', message: `${size}; ${placement.platform} scales it to ${target.width}x${target.height}.` };
  }
  if (min && (image.width < min.width || image.height < min.height)) {
    return { id: 'pixels', status: 'fail', message: `${size} is below the ${min.width}x${min.height} px minimum.` };
  }
  return { id: 'pixels', status: 'fail', message: `${size}, but this needs exactly ${target.width}x${target.height} px.` };
}

/** Aspect ratio within the placement's tolerance (half a pixel of rounding without one). */
export function checkAspect({ image, target, placement }: PreflightInput): PreflightCheck {
  const off = aspectOff(image, target);
  const tolerance = Math.max(placement?.aspectTolerance ?? 0, halfPixel(target));
  const percent = (value: number) => `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;
  if (off <= tolerance) return { id: 'aspect', status: 'pass', message: `Aspect ratio ${ratio(image)} matches ${ratio(target)}.` };
  return {
    id: 'aspect',
    status: 'fail',
    message: `Aspect ratio ${ratio(image)} is ${percent(off)} off ${ratio(target)} (allowed: ${percent(placement?.aspectTolerance ?? 0)}); the platform would crop or letterbox it.`,
  };
}

/** How far a size's ratio is from the target's, as a fraction. */
function aspectOff(size: { width: number; height: number }, target: { width: number; height: number }): number {
  return Math.abs(size.width / size.height / (target.width / target.height) - 1);
}

function halfPixel(target: { width: number; height: number }): number {
  return 0.5 / Math.min(target.width, target.height);
}

function ratio(size: { width: number; height: number }): string {
  const value = size.width / size.height;
  return value >= 1 ? `${value.toFixed(2)}:1` : `1:${(1 / value).toFixed(2)}`;
}
