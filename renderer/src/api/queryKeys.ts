import type { JobQuery } from '../../../electron/shared';

/** History filters: a job query without paging. */
export type HistoryFilters = Omit<JobQuery, 'cursor' | 'limit'>;

/** Every react-query key in one place, so event handlers invalidate exactly what they should. */
export const queryKeys = {
  profiles: ['profiles'] as const,
  presets: ['presets'] as const,
  folders: ['folders'] as const,
  queue: ['queue'] as const,
  activeJobs: ['jobs', 'active'] as const,
  historyAll: ['jobs', 'history'] as const,
  history: (filters: HistoryFilters) => ['jobs', 'history', filters] as const,
  job: (id: string) => ['job', id] as const,
  settings: ['settings'] as const,
  falKey: ['falKey'] as const,
  storeChoice: ['storeChoice'] as const,
  estimate: (profileId: string, fileCount: number) => ['estimate', profileId, fileCount] as const,
  /** Under `estimate`, so a settings change (threshold, provider, key) quotes the staged files again too. */
  stagedQuote: (profileId: string, files: readonly string[]) => ['estimate', 'staged', profileId, files] as const,
  thumbnail: (path: string, maxSide: number) => ['thumbnail', path, maxSide] as const,
  /** Everything derived from the ledger: refetched together when a job finishes or a cap changes. */
  spendAll: ['spend'] as const,
  spendSummary: (since: number | undefined) => ['spend', 'summary', since ?? 'all'] as const,
  /** Held work, keyed by how many jobs wait for budget, so a change of that count refetches it. */
  heldWork: (waitingBudget: number) => ['spend', 'held', waitingBudget] as const,
  budget: ['budget'] as const,
};
