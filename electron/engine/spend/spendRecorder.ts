import { VISION_FEE_CENTS, estimateRequest, priceFinishedRequest, type FalResultForPricing, type RequestPrice } from '../pricing';
import type { Profile } from '../profiles';
import { possibleTiers, type TargetSize } from '../../domain/sizes';
import { parseTargetSize } from '../../domain/sizes/targetSize';
import type { JobRecord, JobStore } from '../store';
import { withTransaction } from '../store/sqlite';
import { formatTiers, type NewLedgerEntry } from './ledgerTypes';
import type { Reservations } from './reservations';
import type { SpendLedger } from './spendLedger';

/** What the recorder needs besides the ledger. */
export interface SpendRecorderOptions {
  readonly store: JobStore;
  readonly ledger: SpendLedger;
  readonly reservations: Reservations;
  readonly profileVersion: (profileId: string, version: number) => Profile;
  readonly folderPath: (folderId: string) => string | undefined;
  /** Money was settled or released: held work may fit now. */
  readonly onChanged: () => void;
}

/**
 * Writes the ledger from what the job runner sees: a finished request's charge (settling its reservation in the
 * same transaction), a 422 after submit or a cancel while fal ran the request as "may be billed", and what `auto` saved by keeping sizes local.
 * Each request is recorded once per kind, so a resumed job fetching the same result again never charges twice.
 */
export class SpendRecorder {
  constructor(private readonly options: SpendRecorderOptions) {}

  /** Prices fal's `results` for this request and records the charge; returns the price. */
  charged(job: JobRecord, requestId: string, results: readonly FalResultForPricing[]): RequestPrice {
    const price = priceFinishedRequest(results);
    const tiers = price.perSize.flatMap((size) => Array<string>(size.imageCount).fill(size.resolutionUnknown ? `${size.billedAs}?` : size.billedAs));
    this.write(job, requestId, { kind: 'charge', cents: price.totalCents, images: tiers.length, tiers: formatTiers(tiers) });
    return price;
  }

  /**
   * A submitted request fal may bill without a result to price: refused after starting work (422), or cancelled by
   * the user while it ran (fal's GPU time was spent either way). Recorded apart at what fal's formula gives for what
   * was asked at the lowest tier it could have used; never counted as spend.
   */
  mayBeBilled(job: JobRecord, requestId: string): void {
    const request = this.options.store.requests.findByRequestId(requestId);
    if (!request) return;
    const profile = this.options.profileVersion(job.profileId, job.profileVersion);
    const sizes = request.sizes.map(parseTargetSize);
    const asked = this.minTierImages(profile, sizes);
    this.write(job, requestId, {
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
  saved(job: JobRecord, sizes: readonly TargetSize[], wholeJobLocal: boolean): void {
    if (sizes.length === 0) return;
    const profile = this.options.profileVersion(job.profileId, job.profileVersion);
    const imagesCents = estimateRequest(sizes, profile.fal).perSize.reduce((sum, size) => sum + size.minCents, 0);
    const images = this.minTierImages(profile, sizes);
    this.write(job, null, {
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

  private write(job: JobRecord, requestId: string | null, row: Pick<NewLedgerEntry, 'kind' | 'cents' | 'images' | 'tiers'>): void {
    const { store, ledger, reservations } = this.options;
    const profile = this.options.profileVersion(job.profileId, job.profileVersion);
    withTransaction(store.db, () => {
      const request = requestId === null ? undefined : store.requests.findByRequestId(requestId);
      ledger.record({
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
      if (request && row.kind !== 'saving') reservations.remove(job.id, request.batchIndex);
    });
    if (row.kind !== 'saving') this.options.onChanged();
  }
}
