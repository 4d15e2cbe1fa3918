import type { Settings } from '../settings/settingsSchema';
import {
  BudgetControl,
  BudgetNotices,
  BurstGate,
  BurstRelease,
  CapGuard,
  CapRelease,
  SpendAdmission,
  SpendRecorder,
  SpendReports,
  budgetOf,
  type BudgetSettings,
  type NoticeSink,
  type ProfileVersionReader,
} from '../spend';
import type { JobStore } from '../store';

/** What the engine gives its spend policy. */
export interface SpendWiring {
  readonly store: JobStore;
  readonly now: () => number;
  readonly settings: () => Settings;
  readonly saveBudget: (patch: Partial<BudgetSettings>) => void;
  readonly profileVersion: ProfileVersionReader;
  /** A watched folder's path and trust flag, or undefined when it is not watched (any more). */
  readonly folder: (folderId: string) => { readonly path: string; readonly trusted: boolean } | undefined;
  /** Held jobs were put back in line: wake the scheduler. */
  readonly wake: () => void;
  /** The user's cancel (a discarded burst is cancelled job by job). */
  readonly cancel: (jobId: string) => Promise<void>;
  readonly notify: NoticeSink;
}

/** The engine's spend policy, part by part: each part gets only what it uses. */
export interface SpendParts {
  /** The budget check: a job's maximum reserved in its claim, then each fal submit's (bursts, then caps). */
  readonly admission: SpendAdmission;
  /** The job runner's ledger writes: charges, may-be-billed, savings. */
  readonly recorder: SpendRecorder;
  /** Holds a hot folder's burst as its jobs are created. */
  readonly burstGate: BurstGate;
  /** The person's go-ahead or discard of a held burst. */
  readonly bursts: BurstRelease;
  /** Requeues cap-held work when it fits again. */
  readonly capRelease: CapRelease;
  /** The caps as the person edits them. */
  readonly budget: BudgetControl;
  /** Summaries, ledger pages, CSV and held work. */
  readonly reports: SpendReports;
  /** The periodic look at held work: trusted folders' bursts go ahead, a new day or freed money releases caps. */
  checkHeldWork(): Promise<number>;
}

/** Builds the spend parts over the engine's store, settings and profiles. */
export function createSpendParts(wiring: SpendWiring): SpendParts {
  const { store, now, profileVersion } = wiring;
  const budget = () => budgetOf(wiring.settings());
  const notices = new BudgetNotices(wiring.notify);
  const folderLabel = (folderId: string) => wiring.folder(folderId)?.path ?? `folder ${folderId}`;
  const caps = new CapGuard({ store, budget, now, folderLabel });
  const burstGate = new BurstGate({ store, budget, folder: wiring.folder, notices });
  const capRelease = new CapRelease({ store, caps, budget, now, profileVersion, notices, wake: wiring.wake });
  const bursts = new BurstRelease({ store, trusted: (id) => wiring.folder(id)?.trusted, cancel: wiring.cancel, wake: wiring.wake });
  const folderPath = (folderId: string) => wiring.folder(folderId)?.path;
  return {
    admission: new SpendAdmission(burstGate, caps, notices, profileVersion),
    recorder: new SpendRecorder({ store, profileVersion, folderPath, onChanged: () => capRelease.release() }),
    burstGate,
    bursts,
    capRelease,
    budget: new BudgetControl({ settings: wiring.settings, save: wiring.saveBudget, capRelease }),
    reports: new SpendReports({ store, budget, now, folderPath, profileVersion }),
    checkHeldWork: async () => {
      await bursts.releaseTrusted();
      return capRelease.checkPeriods();
    },
  };
}
