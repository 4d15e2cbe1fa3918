import { worstStatus, type PreflightCheck, type PreflightResult } from '../../domain/placements';
import { checkColour, checkFormat, checkWeight } from './fileChecks';
import type { PreflightInput } from './preflightInput';
import { checkSafeZone } from './safeZoneCheck';
import { checkAspect, checkPixels } from './sizeChecks';
import { checkUpscale } from './sourceChecks';

/** Runs every check on one output (pure: the facts come in, see inspectImage) and gives the worst as the status. */
export function runPreflight(input: PreflightInput): PreflightResult {
  const checks: PreflightCheck[] = [
    checkPixels(input),
    checkAspect(input),
    checkWeight(input),
    checkFormat(input),
    checkColour(input),
    ...(checkUpscale(input) ? [checkUpscale(input) as PreflightCheck] : []),
    checkSafeZone(input),
  ];
  return { status: worstStatus(checks.map((check) => check.status)), ...(input.placement ? { placementId: input.placement.id } : {}), checks };
}
