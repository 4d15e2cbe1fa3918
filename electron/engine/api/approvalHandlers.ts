import type { ApiHandlers } from '../../shared/contract/types';
import { SmartResizeError } from '../../domain/errors';
import { quoteRequests, VISION_FEE_CENTS } from '../pricing';
import type { EngineParts } from '../runtime/engineParts';

/** approvals.*: a review-first job's quotes, and the person's approval or refusal of its paid sizes. */
export function approvalHandlers(engine: EngineParts): ApiHandlers['approvals'] {
  const { store } = engine;
  const decide = (decision: 'approved' | 'declined') => async ({ jobIds, sizes }: { jobIds: string[]; sizes?: string[] }) => {
    const decided: { jobId: string; state: string; sizes: string[] }[] = [];
    const ahead: string[] = [];
    const refused: { jobId: string; reason: string }[] = [];
    // One job at a time, each in its own commit: a batch where one job was already decided still decides the rest.
    for (const jobId of jobIds) {
      try {
        const result = await engine.decideSizes(jobId, decision, sizes);
        if (result.ahead) ahead.push(jobId);
        else decided.push({ jobId, state: result.job.state, sizes: result.decided });
      } catch (error) {
        if (!(error instanceof SmartResizeError)) throw error;
        refused.push({ jobId, reason: error.message });
      }
    }
    return { decided, ahead, refused };
  };
  return {
    list: async ({ id }) => {
      const job = await store.jobs.getJob(id);
      if (!job) throw new SmartResizeError('job_not_found', `There is no job ${id}.`);
      const options = await store.reviews.jobOptions(id);
      const madeByFal = new Set((await store.outputs.listOutputs(id)).filter((output) => output.provider === 'fal').map((output) => output.target));
      const rows = await store.reviews.listApprovals(id);
      const sizes = rows.map((row) => ({ size: row.size, decision: row.decision, minCents: row.minCents, maxCents: row.maxCents, reason: row.reason, made: madeByFal.has(row.size) }));
      const pending = quoteRequests(sizes.filter((size) => size.decision === 'pending'));
      return {
        jobId: id,
        reviewFirst: options?.reviewFirst === true,
        sizes,
        feeCents: VISION_FEE_CENTS,
        pendingTotal: pending.requests === 0 ? { minCents: 0, maxCents: 0 } : { minCents: pending.minCents, maxCents: pending.maxCents },
      };
    },
    // A job approved and back in line is quoted but not awaiting: decided, so in neither list.
    open: async () => {
      const open = await store.reviews.openReviews();
      return {
        awaiting: open.filter((job) => job.state === 'awaiting_approval').map((job) => job.jobId),
        previewing: open.filter((job) => !job.quoted).map((job) => ({ jobId: job.jobId, ahead: job.ahead?.decision ?? null })),
      };
    },
    approve: decide('approved'),
    decline: decide('declined'),
  };
}
