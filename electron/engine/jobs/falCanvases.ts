import { falCanvasFor, isFarAspect } from '../../domain/sizes';
import type { TargetSize } from '../../domain/sizes/targetSize';
import type { Profile } from '../profiles';

/**
 * The size fal is asked for per target of a request: the target itself, or, for a target whose aspect is beyond
 * the profile's far-aspect limits, the preset canvas covering it (same price: still one output per size). That
 * canvas comes back whole and the target is cut from it here around the subject (composition/cropToTarget),
 * instead of fal's centre crop keeping a thin band wherever the subject was. Derived from the profile version, so
 * a resumed request maps its sizes the same way.
 */
export function falRequestSizes(targets: readonly TargetSize[], fal: Profile['fal']): TargetSize[] {
  return targets.map((target) => {
    if (!fal.farAspect.cropLocally || !isFarAspect(target, fal.farAspect)) return target;
    const canvas = falCanvasFor(target, fal.resolution);
    return canvas ? { width: canvas.width, height: canvas.height } : target;
  });
}
