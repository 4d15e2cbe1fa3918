import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';
import type { SpendRange } from './spendRange';

/** Totals, caps and breakdowns for a range; refetched when jobs finish (useSpendEvents) or caps change. */
export function useSpendSummary(range: SpendRange) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.spendSummary(range.since),
    queryFn: () => api.spend.summary(range),
    // Switching ranges keeps the old figures on screen until the new ones arrive, instead of blanking the page.
    placeholderData: keepPreviousData,
  });
}

/** The ledger of a range as CSV text and the file name the host suggests. */
export function useExportCsv() {
  const api = useApi();
  return useMutation({ mutationFn: (range: SpendRange) => api.spend.exportCsv(range) });
}
