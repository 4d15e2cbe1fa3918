import { SmartResizeError } from '../../domain/errors';
import { FINISHED_JOB_STATES } from '../../domain/jobStates';
import { JOB_STATE_LABELS } from '../../domain/jobStateWords';
import type { JobRecord, JobStore, SizeDecision, StoreRepositories } from '../store';

/** What a decision did to one job. */
export interface SizesDecided {
  readonly job: JobRecord;
  /** The sizes this call decided ("WxH"); empty when decided ahead. */
  readonly decided: string[];
  /** True when the job was still making its previews: the decision is applied the moment its quotes are. */
  readonly ahead?: boolean;
}

type Decision = Exclude<SizeDecision, 'pending'>;

/**
 * The person's decision on a job awaiting approval, all its pending paid sizes or only `sizes`, in one commit with
 * the state it leads to: an approval puts the job back in line (the runner then sends exactly the approved sizes,
 * through the same budget admission as any request); declining the last undecided size finishes the job with its
 * local previews as its outputs. A size it was not quoted for is refused.
 *
 * A review-first job still making its previews (a batch approved while some of its jobs are not ready) gets the
 * decision ahead: recorded on the job, applied when its quotes are (applyDecisionAhead), so it goes straight on. A
 * later decision ahead replaces it (a decline after a batch's approval withdraws it for that job); a cancel ends the
 * job as any cancel, nothing sent. Any other job is refused.
 */
export async function decideSizes(store: JobStore, jobId: string, decision: Decision, sizes?: readonly string[]): Promise<SizesDecided> {
  const result = await store.transaction(async (tx): Promise<SizesDecided> => {
    const job = await tx.jobs.getJob(jobId);
    if (!job) throw new SmartResizeError('job_not_found', `There is no job ${jobId}.`);
    if (job.state === 'awaiting_approval') return decideQuoted(tx, job, decision, sizes);
    if (await stillPreviewing(tx, job)) {
      await tx.reviews.decideAhead(jobId, { decision, sizes: sizes ? [...sizes] : null });
      return { job, decided: [], ahead: true };
    }
    throw new SmartResizeError('invalid_job_transition', `${job.sourceName} is not awaiting approval (it is ${JOB_STATE_LABELS[job.state].toLowerCase()}).`);
  });
  // Its previews may have been finished by a run that read the options before this commit: apply it now then.
  if (result.ahead) return (await applyDecisionAhead(store, jobId)) ?? result;
  return result;
}

/**
 * Applies a decision recorded ahead to a job whose quotes are now recorded and which awaits approval: called by the
 * run that recorded them, after its commit, and by decideSizes after its own (whichever commits last sees the other).
 * Undefined when there is nothing to apply (no decision ahead, or the job no longer awaits approval).
 */
export async function applyDecisionAhead(store: JobStore, jobId: string): Promise<SizesDecided | undefined> {
  return store.transaction(async (tx) => {
    const ahead = (await tx.reviews.jobOptions(jobId))?.ahead;
    const job = await tx.jobs.getJob(jobId);
    if (!ahead || job?.state !== 'awaiting_approval') return undefined;
    const quoted = new Set((await tx.reviews.listApprovals(jobId)).map((row) => row.size));
    // Sizes named ahead that the job was not quoted for (not paid with its profile) are left out.
    const sizes = ahead.sizes?.filter((size) => quoted.has(size));
    if (sizes && sizes.length === 0) return undefined;
    return decideQuoted(tx, job, ahead.decision, sizes);
  });
}

/** A review-first job not finished whose quotes are not recorded yet: its previews are still being made. */
async function stillPreviewing(tx: StoreRepositories, job: JobRecord): Promise<boolean> {
  if (FINISHED_JOB_STATES.includes(job.state)) return false;
  const options = await tx.reviews.jobOptions(job.id);
  return options?.reviewFirst === true && (await tx.reviews.listApprovals(job.id)).length === 0;
}

async function decideQuoted(tx: StoreRepositories, job: JobRecord, decision: Decision, sizes: readonly string[] | undefined): Promise<SizesDecided> {
  const jobId = job.id;
  const quoted = await tx.reviews.listApprovals(jobId);
  const unknown = (sizes ?? []).filter((size) => !quoted.some((row) => row.size === size));
  if (unknown.length > 0) throw new SmartResizeError('invalid_size', `${job.sourceName} has no paid size ${unknown.join(', ')} to decide.`);
  const decided = await tx.reviews.decide(jobId, decision, sizes);
  const undecided = (await tx.reviews.listApprovals(jobId)).filter((row) => row.decision === 'pending').length;
  if (decision === 'approved' && decided.length > 0) {
    return { job: await tx.jobs.transition(jobId, 'queued', { reason: `Approved: ${decided.join(', ')} go to fal.` }), decided };
  }
  if (undecided > 0) return { job, decided };
  const reason = quoted.some((row) => row.decision === 'approved') ? null : 'Every paid size declined: the local previews are its outputs.';
  return { job: await tx.jobs.transition(jobId, 'done', { progress: 1, reason }), decided };
}
