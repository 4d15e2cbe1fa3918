import { SmartResizeError } from '../../../electron/domain/errors';
import type { ApiHandlers } from '../../../electron/shared';
import type { FakeState } from './fakeState';

/** approvals.* over the seeded jobs: none of them was made in review-first mode, so nothing is awaiting approval. */
export function fakeApprovalHandlers(state: FakeState): ApiHandlers['approvals'] {
  const refuse = async ({ jobIds }: { jobIds: string[] }) => ({
    decided: [],
    ahead: [],
    refused: jobIds.map((jobId) => ({ jobId, reason: `${state.jobs.find((job) => job.id === jobId)?.sourceName ?? jobId} is not awaiting approval.` })),
  });
  return {
    list: async ({ id }) => {
      if (!state.jobs.some((job) => job.id === id)) throw new SmartResizeError('job_not_found', `There is no job with id "${id}".`);
      return { jobId: id, reviewFirst: false, sizes: [], feeCents: 5, pendingTotal: { minCents: 0, maxCents: 0 } };
    },
    open: async () => ({ awaiting: [], previewing: [] }),
    approve: refuse,
    decline: refuse,
  };
}
