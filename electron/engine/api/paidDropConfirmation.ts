import { basename } from 'node:path';
import { SmartResizeError } from '../../domain/errors';
import { sourceNameRefusal } from '../../domain/sourceImages';
import { collectSourceFiles } from '../files/collectSourceFiles';
import { hashFile } from '../intake/hashFile';
import { formatCents } from '../pricing';
import type { Profile } from '../profiles';
import type { EngineParts } from '../runtime/engineParts';
import { estimateJob } from '../spend/estimateJob';

/**
 * What a batch of `fileCount` images may cost at fal at most with this profile, as the drop page's estimate says it
 * (estimate.batch): nothing when fal is not used now (no key, or local only). The top is what the ledger can record
 * (spend/estimateJob: each image at 4K, as an answer naming no tier is recorded), so a confirmed maximum is one the
 * charge never passes, as review first's quote is.
 */
export function paidMaximumCents(engine: Pick<EngineParts, 'fal'>, profile: Profile, fileCount: number): { minCents: number; maxCents: number } {
  if (engine.fal.localOnlyReason()) return { minCents: 0, maxCents: 0 };
  const perImage = estimateJob(profile);
  return { minCents: perImage.minCents * fileCount, maxCents: perImage.maxCents * fileCount };
}

/**
 * How many of the paths' images would make new (paid) jobs with this profile version: every image they name (a
 * folder's included) once per content, less the contents that already have a job (dedupe records those as skipped
 * copies, paying nothing). A file that cannot be hashed counts as new, so the figure errs high. The files are hashed
 * here and again by the intake: the check is made only for drops above the threshold.
 */
async function newImageCount(engine: Pick<EngineParts, 'store'>, paths: readonly string[], profile: Profile): Promise<{ images: number; alreadyMade: number }> {
  const files = (await collectSourceFiles(paths, { recursive: true })).filter((source) => source.kind === 'file' && sourceNameRefusal(basename(source.path)) === null);
  const hashes = new Set<string>();
  let unreadable = 0;
  for (const file of files) {
    const hash = await hashFile(file.path).catch(() => null);
    if (hash === null) unreadable += 1;
    else hashes.add(hash);
  }
  const known = await engine.store.jobs.knownContent([...hashes], profile.id, profile.version);
  const images = hashes.size - known.size + unreadable;
  return { images, alreadyMade: files.length - images };
}

/** A drop's maximum at fal as the confirmation threshold counts it (new images only), and whether it asks. */
export interface PaidDropQuote {
  readonly images: number;
  readonly alreadyMade: number;
  readonly minCents: number;
  readonly maxCents: number;
  readonly confirmAboveCents: number | null;
  /** Paid work above the threshold: refused unless review first or confirmed for at least `maxCents`. */
  readonly confirmationRequired: boolean;
}

/**
 * The quote of a drop (estimate.paths), the same figure jobs.enqueuePaths holds the threshold to: each new image the
 * paths name once (a folder's images included), leaving out copies of images already made with this profile
 * version, which dedupe skips. Nothing when fal is not used now.
 */
export async function quotePaidDrop(engine: Pick<EngineParts, 'fal' | 'profiles' | 'settings' | 'store'>, paths: readonly string[], profileId: string): Promise<PaidDropQuote> {
  const threshold = engine.settings.get().confirmAboveCents;
  const profile = engine.profiles.get(profileId);
  const { images, alreadyMade } = paths.length === 0 ? { images: 0, alreadyMade: 0 } : await newImageCount(engine, paths, profile);
  const { minCents, maxCents } = paidMaximumCents(engine, profile, images);
  return { images, alreadyMade, minCents, maxCents, confirmAboveCents: threshold, confirmationRequired: threshold !== null && maxCents > threshold };
}

/**
 * The drop confirmation threshold, held at the verb: paid work that may cost more than `confirmAboveCents` is
 * refused, naming its maximum, unless the request says the person confirmed at least that maximum. Review first
 * sends nothing before approval, so it is never asked. The maximum is the drop's quote (quotePaidDrop): an upper
 * bound of what the drop sends to fal. A drop that grew since it was quoted is refused with its new maximum.
 */
export async function assertPaidDropConfirmed(
  engine: Pick<EngineParts, 'fal' | 'profiles' | 'settings' | 'store'>,
  request: { readonly paths: readonly string[]; readonly profileId: string; readonly reviewFirst?: boolean; readonly confirmedMaxCents?: number },
): Promise<void> {
  const threshold = engine.settings.get().confirmAboveCents;
  if (threshold === null || request.reviewFirst === true || request.paths.length === 0) return;
  // Looked up first for its refusal: an unknown profile is refused even when nothing would go to fal.
  engine.profiles.get(request.profileId);
  if (engine.fal.localOnlyReason()) return;
  const { images, alreadyMade, maxCents, confirmationRequired } = await quotePaidDrop(engine, request.paths, request.profileId);
  if (!confirmationRequired || (request.confirmedMaxCents ?? -1) >= maxCents) return;
  const made = alreadyMade === 0 ? '' : ` (${alreadyMade} already made with this profile, left out)`;
  const what = `${images === 1 ? 'This image' : `These ${images} images`}${made}`;
  const confirmed = request.confirmedMaxCents === undefined ? '' : ` (${formatCents(request.confirmedMaxCents)} was confirmed)`;
  throw new SmartResizeError(
    'confirmation_required',
    `${what} may cost up to ${formatCents(maxCents)} at fal${confirmed}, more than the ${formatCents(threshold)} set to ask about (Settings): nothing was queued. Confirm that maximum to send them, or review first.`,
  );
}
