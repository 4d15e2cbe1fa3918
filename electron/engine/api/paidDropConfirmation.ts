import { SmartResizeError } from '../../domain/errors';
import { collectSourceFiles } from '../files/collectSourceFiles';
import { formatCents } from '../pricing';
import type { Profile } from '../profiles';
import type { EngineParts } from '../runtime/engineParts';
import { estimateJob } from '../spend/estimateJob';

/**
 * What a batch of `fileCount` images may cost at fal at most with this profile, as the drop page's estimate says it
 * (estimate.batch): nothing when fal is not used now (no key, or local only).
 */
export function paidMaximumCents(engine: Pick<EngineParts, 'fal'>, profile: Profile, fileCount: number): { minCents: number; maxCents: number } {
  if (engine.fal.localOnlyReason()) return { minCents: 0, maxCents: 0 };
  const perImage = estimateJob(profile);
  return { minCents: perImage.minCents * fileCount, maxCents: perImage.maxCents * fileCount };
}

/**
 * The drop confirmation threshold, held at the verb: paid work that may cost more than `confirmAboveCents` is
 * refused, naming its maximum, unless the request says the person confirmed at least that maximum. Review first
 * sends nothing before approval, so it is never asked. The maximum counts every image the paths name (a folder's
 * images included), copies of images already made too: it is an upper bound, as the page's estimate is.
 */
export async function assertPaidDropConfirmed(
  engine: Pick<EngineParts, 'fal' | 'profiles' | 'settings'>,
  request: { readonly paths: readonly string[]; readonly profileId: string; readonly reviewFirst?: boolean; readonly confirmedMaxCents?: number },
): Promise<void> {
  const threshold = engine.settings.get().confirmAboveCents;
  if (threshold === null || request.reviewFirst === true || request.paths.length === 0) return;
  const profile = engine.profiles.get(request.profileId);
  if (engine.fal.localOnlyReason()) return;
  const images = (await collectSourceFiles(request.paths, { recursive: true })).filter((source) => source.kind === 'file').length;
  const { maxCents } = paidMaximumCents(engine, profile, images);
  if (maxCents <= threshold || (request.confirmedMaxCents ?? -1) >= maxCents) return;
  const what = images === 1 ? 'This image' : `These ${images} images`;
  const confirmed = request.confirmedMaxCents === undefined ? '' : ` (${formatCents(request.confirmedMaxCents)} was confirmed)`;
  throw new SmartResizeError(
    'confirmation_required',
    `${what} may cost up to ${formatCents(maxCents)} at fal${confirmed}, more than the ${formatCents(threshold)} set to ask about (Settings): nothing was queued. Confirm that maximum to send them, or review first.`,
  );
}
