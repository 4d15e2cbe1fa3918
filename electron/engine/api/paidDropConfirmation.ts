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
 * The contents of the images the paths name (a folder's included): each file's sha256, or null for one that cannot
 * be hashed. The files are hashed here and again by the intake: the check is made only for drops above the threshold
 * (and for the drop page's quote).
 */
async function contentsOf(paths: readonly string[]): Promise<(string | null)[]> {
  const files = (await collectSourceFiles(paths, { recursive: true })).filter((source) => source.kind === 'file' && sourceNameRefusal(basename(source.path)) === null);
  const contents: (string | null)[] = [];
  for (const file of files) contents.push(await hashFile(file.path).catch(() => null));
  return contents;
}

/**
 * How many of these image contents would make new (paid) jobs with this profile version: each content once, less
 * the contents that already have a job (dedupe records those as skipped copies, paying nothing). An image that could
 * not be read (null) counts as new, so the figure errs high.
 */
async function newImageCount(engine: Pick<EngineParts, 'store'>, contents: readonly (string | null)[], profile: Profile): Promise<{ images: number; alreadyMade: number }> {
  const hashes = new Set(contents.filter((hash) => hash !== null));
  const unreadable = contents.length - contents.filter((hash) => hash !== null).length;
  const known = hashes.size === 0 ? new Set<string>() : await engine.store.jobs.knownContent([...hashes], profile.id, profile.version);
  const images = hashes.size - known.size + unreadable;
  return { images, alreadyMade: contents.length - images };
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
  // Looked up first: an unknown profile is refused before any file is read.
  engine.profiles.get(profileId);
  return quoteDropContents(engine, paths.length === 0 ? [] : await contentsOf(paths), profileId);
}

/**
 * A drop's quote from its images' contents (sha256 of each file's bytes, null for one not read), counted as
 * quotePaidDrop counts paths: how a page quotes files that are not on the engine's disk yet (a browser's, before they
 * are uploaded), with the same figures the drop's paths are then quoted and held to.
 */
export async function quoteDropContents(
  engine: Pick<EngineParts, 'fal' | 'profiles' | 'settings' | 'store'>,
  contents: readonly (string | null)[],
  profileId: string,
): Promise<PaidDropQuote> {
  const threshold = engine.settings.get().confirmAboveCents;
  const profile = engine.profiles.get(profileId);
  const { images, alreadyMade } = await newImageCount(engine, contents, profile);
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
