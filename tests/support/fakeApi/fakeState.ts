import type { PauseCause } from '../../../electron/domain/pauseCauses';
import type { Budget, Folder, FalKeyStatus, Job, JobDetail, Profile, QueueState, Settings } from '../../../electron/shared';

/** The fake's budget: caps, burst rule, the jobs a burst holds and the money reserved for requests in flight. */
interface FakeSpendState {
  budget: Budget;
  burstJobIds: Set<string>;
  reservedCents: number;
}

/** Everything the fake host remembers; tests may read and poke it directly. */
export interface FakeState {
  profiles: Profile[];
  folders: Folder[];
  /** Newest first, the order the history shows. */
  jobs: JobDetail[];
  settings: Settings;
  /** The team store URL and instance name saved in Settings (the fake keeps SQLite in use). */
  storeUrl?: string | null;
  instanceName?: string | null;
  falKey: FalKeyStatus;
  paused: { cause: PauseCause; reason: string | null } | null;
  online: boolean;
  batch: QueueState['batch'];
  nextId: number;
  spend: FakeSpendState;
}

/** A fresh id with a readable prefix. */
export function nextFakeId(state: FakeState, prefix: string): string {
  state.nextId += 1;
  // Zero-padded so string order equals creation order, which keyset paging relies on.
  return `${prefix}_${String(state.nextId).padStart(7, '0')}`;
}

/** The list row of a job (the detail without its log). */
export function toJobRow(job: JobDetail): Job {
  const { falRequestIds: _ids, log: _log, ...row } = job;
  return row;
}

/** A batch as the engine reports one, for the fake: `total`, `finished` and its start; no ETA, nothing blocking. */
export function fakeBatch(total: number, finished: number, startedAt: number): NonNullable<QueueState['batch']> {
  return { total, finished, failed: 0, cancelled: 0, startedAt, endedAt: null, etaAt: null, blocked: null };
}
