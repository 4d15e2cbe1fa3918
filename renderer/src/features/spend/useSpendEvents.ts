import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { FINISHED_JOB_STATES } from '../../../../electron/domain/jobStates';
import { useHost } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';

/** How long a burst of finishing jobs is gathered into one refetch of the spend figures. */
const REFRESH_MS = 1000;

/**
 * Keeps the spend figures current: a job that finishes has been priced (or released its reservation), so the
 * summary and held work refetch, at most once a second however many jobs finish together.
 */
export function useSpendEvents(): void {
  const host = useHost();
  const client = useQueryClient();
  useEffect(() => {
    let timer: number | null = null;
    const stop = host.api.onEvent((event) => {
      if (event.type !== 'job.changed' || !FINISHED_JOB_STATES.includes(event.job.state) || timer !== null) return;
      timer = window.setTimeout(() => {
        timer = null;
        void client.invalidateQueries({ queryKey: queryKeys.spendAll });
      }, REFRESH_MS);
    });
    return () => {
      stop();
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [client, host]);
}
