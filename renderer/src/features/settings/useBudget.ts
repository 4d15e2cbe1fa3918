import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BudgetPatch } from '../../../../electron/shared';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';

/** The daily, monthly and per-folder caps and the burst rule. */
export function useBudget() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.budget, queryFn: () => api.budget.get() });
}

/** Saves caps or the burst rule. A raised cap lets held jobs go, so spend figures and held work refetch too. */
export function useUpdateBudget() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: BudgetPatch) => api.budget.update(patch),
    onSuccess: (budget) => {
      client.setQueryData(queryKeys.budget, budget);
      void client.invalidateQueries({ queryKey: queryKeys.spendAll });
    },
  });
}
