import { useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ApiEvent, Folder, Job, JobChange, JobPage } from '../../../electron/shared';
import { useHost } from './HostProvider';
import { FINISHED_JOB_STATES } from '../../../electron/domain/jobStates';
import { patchJob } from './jobCacheMerge';
import { queryKeys } from './queryKeys';

/** Calls `run` at most once per `ms`, trailing, so a burst of events makes one refetch. */
function throttle(run: () => void, ms: number): () => void {
  let timer: number | null = null;
  return () => {
    if (timer !== null) return;
    timer = window.setTimeout(() => {
      timer = null;
      run();
    }, ms);
  };
}

function applyJobChange(client: QueryClient, change: JobChange, refetchActive: () => void, refetchHistory: () => void): void {
  let known = false;
  client.setQueryData<Job[]>(queryKeys.activeJobs, (jobs) =>
    jobs?.map((job) => (job.id === change.id ? ((known = true), patchJob(job, change)) : job)),
  );
  client.setQueriesData<InfiniteData<JobPage>>({ queryKey: queryKeys.historyAll }, (data) =>
    data && {
      ...data,
      pages: data.pages.map((page) => ({ ...page, items: page.items.map((job) => (job.id === change.id ? patchJob(job, change) : job)) })),
    },
  );
  const finished = FINISHED_JOB_STATES.includes(change.state);
  // A new job, or one leaving the active list, changes which rows exist: refetch instead of guessing.
  if (!known || finished) refetchActive();
  if (finished || !known) refetchHistory();
  // A review-first job resting for approval has new previews or fal outputs, and new quotes, to show.
  const awaiting = change.state === 'awaiting_approval';
  if (finished || awaiting) void client.invalidateQueries({ queryKey: queryKeys.job(change.id) });
  if (finished || awaiting) void client.invalidateQueries({ queryKey: ['approvals', change.id] });
}

function applyEvent(client: QueryClient, event: ApiEvent, refetchActive: () => void, refetchHistory: () => void): void {
  if (event.type === 'queue.changed') client.setQueryData(queryKeys.queue, event.queue);
  else if (event.type === 'folder.changed') {
    client.setQueryData<Folder[]>(queryKeys.folders, (folders) =>
      folders?.map((folder) => (folder.id === event.folder.id ? { ...folder, ...event.folder } : folder)),
    );
    // A just-added folder may not be in the list yet, or a list fetched while its watch was starting may land after
    // this event and undo it: fetch again (cancelling any fetch in flight) so the newest status wins.
    void client.invalidateQueries({ queryKey: queryKeys.folders });
  } else if (event.type === 'job.changed') applyJobChange(client, event.job, refetchActive, refetchHistory);
}

/**
 * Keeps the react-query caches live from the host's events: queue and folder states are replaced, job rows are
 * patched in place, and lists refetch (throttled) when rows appear or finish. After a reconnect everything refetches.
 */
export function useApiEvents(): void {
  const host = useHost();
  const client = useQueryClient();
  useEffect(() => {
    const refetchActive = throttle(() => void client.invalidateQueries({ queryKey: queryKeys.activeJobs }), 500);
    // Folder counts (waiting/done/failed) move with jobs, and folder.changed is only sent when a watch's status
    // changes, so they refetch with the history.
    const refetchHistory = throttle(() => {
      void client.invalidateQueries({ queryKey: queryKeys.historyAll });
      void client.invalidateQueries({ queryKey: queryKeys.folders });
    }, 1500);
    const stopEvents = host.api.onEvent((event) => applyEvent(client, event, refetchActive, refetchHistory));
    let wasConnected = true;
    const stopConnection = host.onConnectionChange((connected) => {
      if (connected && !wasConnected) void client.invalidateQueries();
      wasConnected = connected;
    });
    return () => {
      stopEvents();
      stopConnection();
    };
  }, [client, host]);
}
