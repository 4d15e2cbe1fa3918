import type { RawImage } from '../intake/types';
import { cropKeepsSubject, detectSubject } from '../local';
import type { Box } from '../local/geometry';
import type { Profile } from '../profiles';
import type { JobProvider } from '../store';
import type { TargetSize } from '../../domain/sizes/targetSize';

/** Which engine makes each size of a job. */
export interface SizeRoutes {
  readonly local: TargetSize[];
  readonly fal: TargetSize[];
  /** The subject found for 'auto' decisions (reused by the local render), or undefined when not looked for. */
  readonly subject?: Box | null;
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
 * Decides each size: 'local' and 'fal' are taken at their word (fal only with a key); 'auto' stays local when a
 * cover crop keeps the subject whole and goes to fal otherwise, so money is spent only where recomposition helps.
 */
export async function routeSizes(profile: Profile, targets: readonly TargetSize[], raw: RawImage, falAvailable: boolean): Promise<SizeRoutes> {
  const policyOf = (target: TargetSize) =>
    profile.sizes.find((size) => size.width === target.width && size.height === target.height)?.policy ?? 'auto';
  const needsSubject = falAvailable && targets.some((target) => policyOf(target) === 'auto');
  const subject = needsSubject ? await detectSubject(raw) : undefined;
  const routes: SizeRoutes = { local: [], fal: [], subject };
  for (const target of targets) {
    const policy = policyOf(target);
    const toFal = falAvailable && (policy === 'fal' || (policy === 'auto' && !cropKeepsSubject(raw, subject ?? null, target)));
    (toFal ? routes.fal : routes.local).push(target);
  }
  return routes;
}
