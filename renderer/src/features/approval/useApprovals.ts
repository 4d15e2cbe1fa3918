import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';

/** A review-first job's paid sizes with their quotes; refetched when the job changes state. */
export function useApprovals(jobId: string, jobState: string | undefined) {
  const api = useApi();
  return useQuery({ queryKey: ['approvals', jobId, jobState ?? ''], queryFn: () => api.approvals.list({ id: jobId }), enabled: jobState !== undefined });
}

/**
 * The review-first jobs not decided yet (awaiting approval, still previewing): what approving the whole batch
 * covers. Keyed by the active jobs' states (`jobsSignature`), which events keep live, so any job moving refetches it.
 */
export function useOpenReviews(jobsSignature: string) {
  const api = useApi();
  return useQuery({ queryKey: ['approvals', 'open', jobsSignature], queryFn: () => api.approvals.open(), placeholderData: (previous) => previous });
}

/** Approve or decline sizes (all pending, or the named ones) of jobs; the job views and the queue refetch after. */
export function useDecideSizes() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, jobIds, sizes }: { decision: 'approve' | 'decline'; jobIds: string[]; sizes?: string[] }) =>
      decision === 'approve' ? api.approvals.approve({ jobIds, sizes }) : api.approvals.decline({ jobIds, sizes }),
    onSuccess: (result) => {
      for (const { jobId } of result.decided) void client.invalidateQueries({ queryKey: queryKeys.job(jobId) });
      void client.invalidateQueries({ queryKey: ['approvals'] });
      void client.invalidateQueries({ queryKey: queryKeys.activeJobs });
    },
  });
}
