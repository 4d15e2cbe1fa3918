import { LOCAL_ONLY_REASON_TEXT, type LocalOnlyReason } from '../../domain/localOnlyReasons';
import { isSmartResizeError } from '../../domain/errors';
import { parseTargetSize } from '../../domain/sizes/targetSize';
import type { Profile } from '../profiles';
import type { BudgetSettings } from '../spend';
import { capCrossed } from '../spend/budgetGuard/capCheck';
import { capStandings } from '../spend/budgetGuard/capStandings';
import type { JobRecord, JobStore } from '../store';
import { quoteFalRerun, type FalRerunQuote } from './falRerunQuote';

/** What the offer reads: the store, the job's profile version, why fal is off (if it is), the caps. */
export interface FalRerunOfferSources {
  readonly store: JobStore;
  readonly profileOf: (job: JobRecord) => Profile;
  readonly localOnlyReason: () => LocalOnlyReason | undefined;
  readonly budget: () => BudgetSettings;
  readonly now: () => number;
  readonly folderLabel: (folderId: string) => string;
}

/** The re-run button's facts: the size, its price (from the pricing module), and why it cannot go now, if so. */
export type FalRerunOffer = { readonly size: string; readonly quote: FalRerunQuote | null; readonly reason: string | null };

/**
 * Whether one output of a job can be re-run at fal now and at what price, without reserving anything: no key (or
 * fal turned off), a job not finished, a size fal cannot make, another re-run of the job at fal, or a cap the
 * request's maximum would cross each give the reason the button shows. The budget's real answer is given when the
 * re-run is sent (the same check, then with a reservation).
 */
export async function falRerunOffer(sources: FalRerunOfferSources, job: JobRecord, target: string): Promise<FalRerunOffer> {
  const off = sources.localOnlyReason();
  let quote: FalRerunQuote | null = null;
  try {
    quote = quoteFalRerun(sources.profileOf(job), parseTargetSize(target));
  } catch (error) {
    if (!isSmartResizeError(error)) throw error;
    return { size: target, quote: null, reason: error.message };
  }
  const refuse = (reason: string) => ({ size: target, quote, reason });
  if (off) return refuse(`fal is not in use: ${LOCAL_ONLY_REASON_TEXT[off]}.`);
  if (job.state !== 'done') return refuse(`The job is ${job.state.replace('_', ' ')}: a size can be re-run once it is done.`);
  const inFlight = (await sources.store.requests.listRequests(job.id)).some((request) => request.state === 'submitted');
  if (inFlight) return refuse('A size of this job is at fal now: wait until it is written.');
  const standings = await capStandings(sources.store, { budget: sources.budget(), now: sources.now(), folderLabel: sources.folderLabel }, job.folderId);
  const hold = capCrossed(standings, quote.maxCents);
  return hold ? refuse(`The budget would refuse it: ${hold.reason}.`) : { size: target, quote, reason: null };
}
