import type { Detection } from '../composition/detection';
import { type ScoredPlan, planComposition, routeAutoSize } from '../composition/planner';
import type { SafeInsets } from '../composition/safeZone';
import type { Subject } from '../composition/subjects';
import type { RawImage } from '../decode/types';
import type { Profile } from '../profiles';
import type { JobProvider } from '../store';
import { formatTargetSize, type TargetSize } from '../../domain/sizes/targetSize';

/** Which engine makes each size of a job, why, and the subjects the decision (and the local render) used. */
export interface SizeRoutes {
  readonly local: TargetSize[];
  readonly fal: TargetSize[];
  /** In the decoded pixels the routes were decided on. */
  readonly subjects: Subject[];
  /** One sentence per size for the job log ("728x90: fal, keeping the subject whole locally needs 46% fill"). */
  readonly reasons: string[];
  /** Detection's own notes (models unavailable, time limit hit). */
  readonly notes: string[];
}

/**
 * The provider a new job is recorded with, before its pixels are read: 'local' when fal cannot or need not be
 * used, so it runs offline; 'fal' when every size goes to fal; 'mixed' when the 'auto' sizes decide at run time.
 */
export function providerForJob(profile: Profile, falAvailable: boolean): JobProvider {
  if (!falAvailable) return 'local';
  const policies = new Set(profile.sizes.map((size) => size.policy));
  if (!policies.has('fal') && !policies.has('auto')) return 'local';
  if (!policies.has('local') && !policies.has('auto')) return 'fal';
  return 'mixed';
}

/**
 * Decides each size: 'local' and 'fal' are taken at their word (fal only with a key); 'auto' goes by the same
 * score the local layout uses (composition/planner): local when the best local layout keeps every must-keep
 * subject whole with little fill, fal (which recomposes instead of padding) otherwise. `insetsFor` gives each size's
 * placement safe zone, the same the local render is planned with, so "kept" means kept clear of the platform's UI.
 */
export function routeSizes(
  profile: Profile,
  targets: readonly TargetSize[],
  raw: RawImage,
  falAvailable: boolean,
  detection: Detection,
  insetsFor?: (target: TargetSize) => SafeInsets,
): SizeRoutes {
  const policyOf = (target: TargetSize) =>
    profile.sizes.find((size) => size.width === target.width && size.height === target.height)?.policy ?? 'auto';
  const routes: SizeRoutes = { local: [], fal: [], subjects: detection.subjects, reasons: [], notes: detection.notes };
  for (const target of targets) {
    const policy = policyOf(target);
    const size = formatTargetSize(target);
    if (policy === 'auto' && falAvailable) {
      const best: ScoredPlan = planComposition({ source: raw, subjects: detection.subjects, insetsFor }, target);
      const route = routeAutoSize(best, detection.subjects);
      (route.provider === 'fal' ? routes.fal : routes.local).push(target);
      routes.reasons.push(route.reason);
    } else if (policy === 'fal' && falAvailable) {
      routes.fal.push(target);
      routes.reasons.push(`${size}: fal, the profile sends this size to fal`);
    } else {
      routes.local.push(target);
      routes.reasons.push(`${size}: local, ${policy === 'local' ? 'the profile keeps this size local' : 'no fal key is set'}`);
    }
  }
  return routes;
}
