import { formatTargetSize, parseTargetSize, type TargetSize } from '../../domain/sizes/targetSize';
import { loadSourceImage } from '../decode';
import { prepareUpload, type UploadImage } from '../fal/prepareUpload';
import { quoteRequests, quoteSizes, formatCents } from '../pricing';
import type { Profile } from '../profiles';
import type { JobOptions, JobRecord, JobStore, StoreRepositories } from '../store';
import { falRequestSizes } from './falCanvases';
import { cpuStep } from './cpuStep';
import { applyDecisionAhead } from './decideSizes';
import type { JobOutcome, JobRunnerDeps } from './jobRunnerTypes';

/** Where a review-first job stands on a run: previews still to make, or approved sizes to send. */
export interface ReviewRun {
  /** No quote recorded yet: this run makes every size locally (previews) and sends nothing to fal. */
  readonly previewing: boolean;
  /** Approved sizes fal has not made yet and no live request carries: this run sends them. */
  readonly approved: TargetSize[];
  /** Sizes still waiting for the person's decision. */
  readonly undecided: number;
}

/**
 * How a review-first job runs now, from its quotes, its outputs and its live fal requests (undefined for any other
 * job). A size counts as sent once fal made its output or a live request carries it, so a resumed run never sends
 * an approved size twice.
 */
export async function reviewRunOf(store: JobStore, jobId: string, options: JobOptions | undefined, inFlight: ReadonlySet<string>): Promise<ReviewRun | undefined> {
  if (!options?.reviewFirst) return undefined;
  const approvals = await store.reviews.listApprovals(jobId);
  if (approvals.length === 0) return { previewing: true, approved: [], undecided: 0 };
  const madeByFal = new Set((await store.outputs.listOutputs(jobId)).filter((output) => output.provider === 'fal').map((output) => output.target));
  const approved = approvals.filter((row) => row.decision === 'approved' && !madeByFal.has(row.size) && !inFlight.has(row.size)).map((row) => parseTargetSize(row.size));
  return { previewing: false, approved, undecided: approvals.filter((row) => row.decision === 'pending').length };
}

/**
 * Ends a preview run: the quotes of the sizes that would go to fal are recorded as pending and the job rests in
 * `awaiting_approval` (one commit), with the total to approve in its reason. Nothing was sent to fal.
 */
export async function awaitApproval(store: JobStore, job: JobRecord, profile: Profile, falTargets: readonly TargetSize[]): Promise<JobOutcome> {
  const quotes = quoteSizes(falTargets, falRequestSizes(falTargets, profile.fal), profile.fal);
  const total = quoteRequests(quotes);
  const price = total.minCents === total.maxCents ? formatCents(total.maxCents) : `${formatCents(total.minCents)} to ${formatCents(total.maxCents)}`;
  const reason = `${falTargets.map(formatTargetSize).join(', ')} would go to fal for ${price}: previews made locally, nothing sent until you approve.`;
  await store.transaction(async (tx) => {
    await tx.reviews.addQuotes(job.id, quotes);
    await tx.jobs.transition(job.id, 'awaiting_approval', { reason });
  });
  // Its batch was approved (or declined) while these previews were made: that decision applies now, so the job goes
  // straight on to fal (back in line, through the budget) or finishes with its previews.
  const ahead = await applyDecisionAhead(store, job.id);
  if (ahead?.job.state === 'done') return { kind: 'done' };
  return { kind: 'held', reason: ahead?.job.state === 'queued' ? 'Approved with its batch: back in line for fal.' : reason };
}

/** After an approved run: back to awaiting approval while sizes are undecided, else done. */
export async function finishReviewRun(store: JobStore, jobId: string): Promise<JobOutcome> {
  const undecided = (await store.reviews.listApprovals(jobId)).filter((row) => row.decision === 'pending').length;
  if (undecided === 0) {
    await store.jobs.transition(jobId, 'done', { progress: 1 });
    return { kind: 'done' };
  }
  const reason = `${undecided} size${undecided === 1 ? '' : 's'} still wait for your approval.`;
  await store.jobs.transition(jobId, 'awaiting_approval', { reason });
  return { kind: 'held', reason };
}

/** The source decoded at fal's upload size and encoded once, for approved sizes whose previews are already written. */
export function uploadForApproved(
  deps: JobRunnerDeps,
  job: JobRecord,
  minScale: (probe: { width: number; height: number }) => number,
  signal: AbortSignal,
): Promise<UploadImage> {
  return cpuStep(deps, signal, async () => {
    const source = await loadSourceImage(job.sourcePath, { ...deps.decode, minScale });
    return prepareUpload(source.raw, job.contentHash);
  });
}

/** True for a review-first job whose previews are not made yet: its run sends nothing to fal. */
export async function makesPreviewsOnly(tx: StoreRepositories, jobId: string): Promise<boolean> {
  const options = await tx.reviews.jobOptions(jobId);
  return options?.reviewFirst === true && (await tx.reviews.listApprovals(jobId)).length === 0;
}
