import type { BudgetGuard } from '../jobs/jobRunnerTypes';
import type { Profile } from '../profiles';
import type { JobRecord, JobStore } from '../store';
import { CapBudgetGuard } from './budgetGuard';
import { budgetOf, type BudgetSettings } from './budgetSettings';
import { BURST_REASON, admitThroughBurst, holdBurst, type BurstGateOptions } from './burstGate';
import { BurstHolds } from './burstHolds';
import { headroom, type CapHold } from './capCheck';
import { CHEAPEST_REQUEST_CENTS, estimateJob, type JobEstimate } from './estimateJob';
import { heldJobs } from './heldJobs';
import { ledgerToCsv } from './ledgerCsv';
import type { LedgerEntry, SpendRange } from './ledgerTypes';
import { Reservations } from './reservations';
import { SpendLedger } from './spendLedger';
import { localDayKey } from './spendPeriods';
import { SpendRecorder } from './spendRecorder';
import { buildSpendSummary, type SpendSummaryData } from './spendSummary';
import type { Settings } from '../settings/settingsSchema';

/** What the spend service needs from the engine. */
export interface SpendServiceOptions {
  readonly store: JobStore;
  readonly now: () => number;
  readonly settings: () => Settings;
  readonly saveBudget: (patch: Partial<BudgetSettings>) => void;
  readonly profileVersion: (profileId: string, version: number) => Profile;
  /** A watched folder's path and trust flag, or undefined when it is not watched (any more). */
  readonly folder: (folderId: string) => { readonly path: string; readonly trusted: boolean } | undefined;
  /** Jobs were put back in line: wake the scheduler. */
  readonly requeued: () => void;
  readonly cancel: (jobId: string) => Promise<void>;
  /** Something the person should know (a cap reached, a burst held). */
  /** Tells the person about held work: a burst waiting for a go-ahead, or the first hold of each budget cap. */
  readonly notice: (kind: 'burst' | 'budget', message: string, folderId?: string) => void;
}

/** Work held in waiting_budget, as the API shows it. */
export interface HeldWork {
  readonly burst: Array<{ folderId: string | null; jobs: number; minCents: number; maxCents: number }>;
  readonly cap: { jobs: number; reason: string | null };
}

/**
 * Spend in one place: the ledger and its summaries, the budget guard the scheduler asks before each submit, the
 * recorder the job runner reports to, hot-folder bursts, and the release of held work when a cap is raised, money
 * is freed or a period rolls over.
 */
export class SpendService implements BudgetGuard {
  readonly ledger: SpendLedger;
  readonly reservations: Reservations;
  readonly bursts: BurstHolds;
  readonly guard: CapBudgetGuard;
  readonly recorder: SpendRecorder;
  private lastNoticeReason: string | undefined;
  private lastFingerprint = '';

  constructor(private readonly options: SpendServiceOptions) {
    const { store, now } = options;
    this.ledger = new SpendLedger(store.db, now);
    this.reservations = new Reservations(store.db, now);
    this.bursts = new BurstHolds(store.db, now);
    const folderLabel = (folderId: string) => options.folder(folderId)?.path ?? `folder ${folderId}`;
    this.guard = new CapBudgetGuard({
      db: store.db,
      ledger: this.ledger,
      reservations: this.reservations,
      budget: () => this.budget(),
      now,
      folderLabel,
      onHeld: (job, hold) => this.noticeOnce(hold, job.folderId ?? undefined),
    });
    this.recorder = new SpendRecorder({
      store,
      ledger: this.ledger,
      reservations: this.reservations,
      profileVersion: options.profileVersion,
      folderPath: (folderId) => options.folder(folderId)?.path,
      onChanged: () => this.releaseCapHolds(),
    });
  }

  budget(): BudgetSettings {
    return budgetOf(this.options.settings());
  }

  /** Saves a budget change; a raised cap releases the work it held. */
  updateBudget(patch: Partial<BudgetSettings>): BudgetSettings {
    this.options.saveBudget(patch);
    this.releaseCapHolds();
    return this.budget();
  }

  summary(range: SpendRange = {}): SpendSummaryData {
    this.reservations.pruneStale();
    const budget = this.budget();
    return buildSpendSummary(
      {
        db: this.options.store.db,
        ledger: this.ledger,
        reservedCents: this.reservations.total(),
        unknownSubmitCents: this.options.store.requests.unknownSubmitCents(range),
        caps: budget,
        now: this.options.now(),
        folderPath: (folderId) => this.options.folder(folderId)?.path,
      },
      range,
    );
  }

  /** Ledger rows newest first; `cursor` is the previous page's `nextCursor`. */
  page(range: SpendRange, limit: number, cursor?: string): { rows: LedgerEntry[]; nextCursor: string | null } {
    const beforeId = cursor === undefined ? undefined : Number.parseInt(cursor, 10);
    const rows = this.ledger.page(range, limit + 1, Number.isSafeInteger(beforeId) ? beforeId : undefined);
    const more = rows.length > limit;
    const shown = rows.slice(0, limit);
    return { rows: shown, nextCursor: more ? String(shown.at(-1)!.id) : null };
  }

  /** The ledger of a range as CSV, with a file name naming the range. */
  csv(range: SpendRange = {}): { fileName: string; csv: string } {
    const from = range.since === undefined ? 'all' : localDayKey(range.since);
    const to = localDayKey(range.until ?? this.options.now());
    return { fileName: `smart-resize-spend-${from}-to-${to}.csv`, csv: ledgerToCsv(this.ledger.all(range)) };
  }

  /** Work waiting for budget: bursts per folder with their price range, and jobs over a cap. */
  held(): HeldWork {
    const burst = new Map<string | null, { folderId: string | null; jobs: number; minCents: number; maxCents: number }>();
    let capJobs = 0;
    let capReason: string | null = null;
    const estimate = this.estimator();
    for (const { job, burst: isBurst } of heldJobs(this.options.store.db)) {
      if (!isBurst) {
        capJobs += 1;
        capReason = job.stateReason ?? capReason;
        continue;
      }
      const entry = burst.get(job.folderId) ?? { folderId: job.folderId, jobs: 0, minCents: 0, maxCents: 0 };
      const range = estimate(job);
      burst.set(job.folderId, { ...entry, jobs: entry.jobs + 1, minCents: entry.minCents + range.minCents, maxCents: entry.maxCents + range.maxCents });
    }
    return { burst: [...burst.values()], cap: { jobs: capJobs, reason: capReason } };
  }

  /** Lets a folder's held burst go ahead and starts its burst count afresh. Returns how many jobs were released. */
  releaseBurst(folderId: string | null): number {
    const waiting = this.bursts.waiting(folderId);
    for (const { jobId } of waiting) this.options.store.queue.requeue(jobId, 'burst released');
    this.bursts.remove(waiting.map((held) => held.jobId));
    if (folderId !== null) this.bursts.resetCount(folderId);
    if (waiting.length > 0) this.options.requeued();
    return waiting.length;
  }

  /** Cancels a folder's held burst: nothing is sent or paid. Returns how many jobs were cancelled. */
  async discardBurst(folderId: string | null): Promise<number> {
    const waiting = this.bursts.waiting(folderId);
    for (const { jobId } of waiting) await this.options.cancel(jobId);
    this.bursts.remove(waiting.map((held) => held.jobId));
    if (folderId !== null) this.bursts.resetCount(folderId);
    return waiting.length;
  }

  /**
   * The budget guard the job runner asks before each new fal submit: a job of a folder receiving a burst waits for
   * the go-ahead; otherwise the caps decide and the request's maximum is reserved.
   */
  admit(job: JobRecord, maxCents: number, batchIndex = 0): { readonly ok: true } | { readonly ok: false; readonly reason: string } {
    if (!admitThroughBurst(this.burstOptions(), job)) return { ok: false, reason: BURST_REASON };
    return this.guard.admit(job, maxCents, batchIndex);
  }

  /** A job was just created: hold it (and its folder's queued jobs) if its folder is receiving a burst. */
  jobCreated(job: JobRecord): void {
    const result = holdBurst(this.burstOptions(), job);
    if (result.started && job.folderId !== null) {
      const path = this.options.folder(job.folderId)?.path ?? job.folderId;
      this.options.notice('burst', `${path} received a burst of files: ${result.held.length} are held until you let them go ahead.`, job.folderId);
    }
  }

  private burstOptions(): BurstGateOptions {
    const { store } = this.options;
    return { db: store.db, store, bursts: this.bursts, budget: () => this.budget(), trusted: (id) => this.options.folder(id)?.trusted };
  }

  /**
   * Requeues jobs a cap held, oldest first, as far as the caps leave room for at least their cheapest request, so
   * held work does not churn through the queue only to be held again. Returns how many were requeued.
   */
  releaseCapHolds(): number {
    const { store, now } = this.options;
    this.reservations.pruneStale();
    // Room promised to jobs requeued in this pass; every cap's room shrinks by it (conservative for folder caps).
    let promised = 0;
    let released = 0;
    const estimate = this.estimator();
    const room = new Map<string | null, number>();
    const roomFor = (folderId: string | null) => {
      if (!room.has(folderId)) room.set(folderId, headroom(this.guard.standings(folderId)));
      return room.get(folderId)!;
    };
    for (const { job, burst } of heldJobs(store.db)) {
      if (burst) continue;
      const need = Math.max(CHEAPEST_REQUEST_CENTS, estimate(job).minCents);
      if (roomFor(job.folderId) - promised < need) continue;
      promised += need;
      store.queue.requeue(job.id, 'budget available again');
      released += 1;
    }
    this.lastFingerprint = this.fingerprint(now());
    if (released > 0) {
      this.lastNoticeReason = undefined;
      this.options.requeued();
    }
    return released;
  }

  /**
   * The periodic check (each minute, and at start): when the day or month rolled over, or money was settled or
   * released since the last look, held work may fit again.
   */
  checkPeriods(): number {
    this.releaseTrustedBursts();
    return this.fingerprint(this.options.now()) === this.lastFingerprint ? 0 : this.releaseCapHolds();
  }

  /** A folder marked trusted while its burst waited: trusted folders are never held, so its burst goes ahead. */
  private releaseTrustedBursts(): void {
    const folders = new Set(this.bursts.waiting().map((held) => held.folderId));
    for (const folderId of folders) {
      if (folderId !== null && this.options.folder(folderId)?.trusted === true) this.releaseBurst(folderId);
    }
  }

  private fingerprint(now: number): string {
    this.reservations.pruneStale();
    return `${localDayKey(now)}|${this.reservations.total()}|${this.ledger.sum('charge')}|${JSON.stringify(this.budget())}`;
  }

  /** Job estimates, memoized per profile version and provider for one pass over many held jobs. */
  private estimator(): (job: JobRecord) => JobEstimate {
    const known = new Map<string, JobEstimate>();
    return (job) => {
      const key = `${job.profileId}\u0000${job.profileVersion}\u0000${job.provider}`;
      let estimate = known.get(key);
      if (!estimate) {
        try {
          estimate = estimateJob(this.options.profileVersion(job.profileId, job.profileVersion), job.provider);
        } catch {
          // A profile version that cannot be read any more: the job fails with the reason when it runs.
          estimate = { minCents: 0, maxCents: 0 };
        }
        known.set(key, estimate);
      }
      return estimate;
    };
  }

  /** One notice per cap reached (its reason's amounts change with every hold; the cap does not). */
  private noticeOnce(hold: CapHold, folderId?: string): void {
    if (hold.label === this.lastNoticeReason) return;
    this.lastNoticeReason = hold.label;
    this.options.notice('budget', `${hold.reason}. New fal work waits until the cap is raised or the period rolls over.`, folderId);
  }
}
