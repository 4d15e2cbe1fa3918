import { SmartResizeError } from '../../domain/errors';
import { JOB_STATE_LABELS } from '../../domain/jobStateWords';
import type { JobRecord, JobStore, SizeDecision } from '../store';

/** What a decision did to one job. */
export interface SizesDecided {
  readonly job: JobRecord;
  /** The sizes this call decided ("WxH"). */
  readonly decided: string[];
}

/**
 * The person's decision on a job awaiting approval, all its pending paid sizes or only `sizes`, in one commit with
 * the state it leads to: an approval puts the job back in line (the runner then sends exactly the approved sizes,
 * through the same budget admission as any request); declining the last undecided size finishes the job with its
 * local previews as its outputs. A job in any other state, or a size it was not quoted for, is refused.
 */
export async function decideSizes(store: JobStore, jobId: string, decision: Exclude<SizeDecision, 'pending'>, sizes?: readonly string[]): Promise<SizesDecided> {
  return store.transaction(async (tx): Promise<SizesDecided> => {
    const found = await tx.jobs.getJob(jobId);
    if (!found) throw new SmartResizeError('job_not_found', `There is no job ${jobId}.`);
    const job: JobRecord = found;
    if (job.state !== 'awaiting_approval') {
      throw new SmartResizeError('invalid_job_transition', `${job.sourceName} is not awaiting approval (it is ${JOB_STATE_LABELS[job.state].toLowerCase()}).`);
    }
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
    return { job, decided };
  });
}
