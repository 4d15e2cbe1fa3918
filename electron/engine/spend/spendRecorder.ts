import { VISION_FEE_CENTS, estimateRequest, priceFinishedRequest, unreportedTierNote, type FalResultForPricing, type RequestPrice } from '../pricing';
import type { Profile } from '../profiles';
import { possibleTiers, type TargetSize } from '../../domain/sizes';
import { parseTargetSize } from '../../domain/sizes/targetSize';
import { STORE_EVENT_KINDS, type JobRecord, type JobStore, type NewLedgerEntry } from '../store';
import { formatTiers } from './ledgerTypes';

/** What the recorder writes to and reads. */
export interface SpendRecorderDeps {
  readonly store: JobStore;
  readonly profileVersion: (profileId: string, version: number) => Profile;
  readonly folderPath: (folderId: string) => string | undefined;
  /** Money was settled or released: held work may fit now (resolves once it was looked at). */
  readonly onChanged: () => Promise<unknown>;
}

/**
 * Writes the ledger from what the job runner sees: a finished request's charge (settling its reservation in the
 * same transaction), a 422 after submit or a cancel while fal ran the request as "may be billed", and what `auto` saved by keeping sizes local.
 * Each request is recorded once per kind, so a resumed job fetching the same result again never charges twice.
 */
export class SpendRecorder {
  constructor(private readonly options: SpendRecorderDeps) {}

  /** Prices fal's `results` for this request and records the charge; resolves the price. */
  async charged(job: JobRecord, requestId: string, results: readonly FalResultForPricing[]): Promise<RequestPrice> {
    const price = priceFinishedRequest(results);
    const tiers = price.perSize.flatMap((size) => Array<string>(size.imageCount).fill(size.resolutionUnknown ? `${size.billedAs}?` : size.billedAs));
    await this.write(job, requestId, { kind: 'charge', cents: price.totalCents, images: tiers.length, tiers: formatTiers(tiers) });
    // Said in the job's log when fal named no tier: the charge is 4K's, which may be above what was quoted.
    const sizes = (await this.options.store.requests.findByRequestId(requestId))?.sizes ?? [];
    const note = unreportedTierNote(price, sizes);
    if (note) await this.options.store.events.append(STORE_EVENT_KINDS.jobNote, job.id, { message: note, state: job.state });
    return price;
  }

  /**
   * A submitted request fal may bill without a result to price: refused after starting work (422), or cancelled by
   * the user while it ran (fal's GPU time was spent either way). Recorded apart at what fal's formula gives for what
   * was asked at the lowest tier it could have used; never counted as spend.
   */
  async mayBeBilled(job: JobRecord, requestId: string): Promise<void> {
    const request = await this.options.store.requests.findByRequestId(requestId);
    if (!request) return;
    const profile = this.options.profileVersion(job.profileId, job.profileVersion);
    const sizes = request.sizes.map(parseTargetSize);
    const asked = this.minTierImages(profile, sizes);
    await this.write(job, requestId, {
      kind: 'may_be_billed',
      cents: estimateRequest(sizes, profile.fal).minCents,
      images: asked.length,
      tiers: formatTiers(asked),
    });
  }

  /**
   * `auto` kept `sizes` local while fal was available: records what fal would have charged for them at the lowest
   * tier, plus the vision fee when the whole job stayed local (no request was sent at all). Once per job.
   */
  async saved(job: JobRecord, sizes: readonly TargetSize[], wholeJobLocal: boolean): Promise<void> {
    if (sizes.length === 0) return;
    const profile = this.options.profileVersion(job.profileId, job.profileVersion);
    const imagesCents = estimateRequest(sizes, profile.fal).perSize.reduce((sum, size) => sum + size.minCents, 0);
    const images = this.minTierImages(profile, sizes);
    await this.write(job, null, {
      kind: 'saving',
      cents: imagesCents + (wholeJobLocal ? VISION_FEE_CENTS : 0),
      images: images.length,
      tiers: formatTiers(images),
    });
  }

  private minTierImages(profile: Profile, sizes: readonly TargetSize[]): string[] {
    const count = profile.fal.numImagesPerSize;
    return sizes.flatMap((size) => Array<string>(count).fill(possibleTiers(size, profile.fal.resolution).min));
  }

  private async write(job: JobRecord, requestId: string | null, row: Pick<NewLedgerEntry, 'kind' | 'cents' | 'images' | 'tiers'>): Promise<void> {
    const { store } = this.options;
    const profile = this.options.profileVersion(job.profileId, job.profileVersion);
    await store.transaction(async (tx) => {
      const request = requestId === null ? undefined : await tx.requests.findByRequestId(requestId);
      await tx.ledger.record({
        ...row,
        jobId: job.id,
        requestRowId: request?.id ?? null,
        requestId,
        sourceName: job.sourceName,
        profileId: job.profileId,
        profileVersion: job.profileVersion,
        profileName: profile.name,
        folderId: job.folderId,
        folderPath: job.folderId === null ? null : (this.options.folderPath(job.folderId) ?? null),
      });
      // The request's reservation is replaced by what it really cost (or released: a refusal is not spend).
      if (request && row.kind !== 'saving') await tx.reservations.remove(job.id, request.batchIndex);
    });
    if (row.kind !== 'saving') await this.options.onChanged();
  }
}
