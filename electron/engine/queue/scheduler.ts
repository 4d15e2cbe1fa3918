import { makesPreviewsOnly } from '../jobs/reviewFirstRun';
import type { PauseCause } from '../../domain/pauseCauses';
import { FalRunTimes } from '../fal/falRunTimes';
import { cancelAtFal } from '../jobs/cancelAtFal';
import { runJob } from '../jobs/jobRunner';
import type { JobOutcome, JobProgress, JobRunnerDeps } from '../jobs/jobRunnerTypes';
import type { RunnableJob } from '../store';
import { CpuGate } from './cpuGate';
import { FalSlots } from './falSlots';
import type { OnlineMonitor } from './onlineMonitor';

/** The queue as the UI and the tray show it. */
export interface QueueStatus {
  readonly state: 'running' | 'paused' | 'offline';
  /** Why the queue is paused; absent unless it is. */
  readonly pauseCause?: PauseCause;
  readonly reason?: string;
  readonly online: boolean;
  readonly running: number;
  readonly concurrency: number;
}

/** What the scheduler needs: the runner's dependencies, the online monitor, and how wide to run. */
export interface SchedulerOptions {
  readonly deps: JobRunnerDeps;
  readonly online: OnlineMonitor;
  /** Whether fal is used at all (a key is set and fal is not turned off): without it, being offline stops nothing. */
  readonly falInUse: () => boolean;
  /** Requests at fal at once (the setting). */
  readonly concurrency: number;
  /** CPU-heavy job steps (decode, local render, upload encode) at once; default: the machine's cores. */
  readonly cpuWidth?: number;
  /** How often waiting work (retry times, budget releases) is looked at; events also wake it at once. */
  readonly tickMs?: number;
  readonly onStatus?: (status: QueueStatus) => void;
  /** The profiles and hot folders this instance has: a team's claims leave other jobs to the instances that have theirs. */
  readonly profileIds?: () => readonly string[];
  readonly folderIds?: () => readonly string[];
}

/**
 * Runs claimed jobs with bounded concurrency, only while online (local-only jobs run offline too) and not paused.
 * `concurrency` bounds the requests at fal (fal slots); a few more jobs run ahead to prepare and upload meanwhile.
 * A bad key pauses the whole queue with fal's reason; going offline parks fal jobs in `waiting_network` without
 * counting an attempt, and they are claimed again by themselves when the monitor sees fal back.
 */
export class Scheduler {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void>; needsFal: boolean }>();
  private paused: { readonly cause: PauseCause; readonly reason: string } | undefined;
  private concurrency: number;
  private readonly falSlots: FalSlots;
  private readonly cpuGate: CpuGate;
  private readonly falRunTimes = new FalRunTimes();
  /** Each running job's last fal status poll: whether a cancelled request had started at fal (it may be billed). */
  private readonly falStatusSeen = new Map<string, NonNullable<JobProgress['falStatus']>>();
  /** Running jobs that gave their fal slot back and hold none now: fetching, finishing and writing their outputs. */
  private readonly pastFal = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private starting = false;
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly options: SchedulerOptions) {
    this.concurrency = options.concurrency;
    this.falSlots = new FalSlots(options.concurrency);
    this.cpuGate = new CpuGate(options.cpuWidth);
  }

  /** Recovers jobs a previous run left mid-flight, then starts dispatching. */
  async start(): Promise<void> {
    if (this.started || this.starting) return;
    this.starting = true;
    // Nothing is claimed before recovery has put back what a previous run left mid-flight.
    await this.options.deps.store.queue.recoverInterruptedJobs().finally(() => (this.starting = false));
    this.started = true;
    this.unsubscribe = this.options.online.onChange((state) => {
      if (!state.online) void this.parkForNetwork().catch(() => undefined);
      this.emitStatus();
      this.pump();
    });
    if (!this.options.online.current.online) await this.options.deps.store.queue.holdForNetwork();
    this.timer = setInterval(() => this.pump(), this.options.tickMs ?? 500);
    this.timer.unref();
    this.pump();
  }

  /** Stops dispatching, hands running jobs back to the queue (they resume next start) and waits for them. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    // A claim under way launches its jobs first; they are handed back with the others.
    while (this.pumping) await this.pumping;
    for (const entry of this.running.values()) entry.controller.abort('shutdown');
    await Promise.all([...this.running.values()].map((entry) => entry.done));
  }

  status(): QueueStatus {
    const online = this.options.online.current.online || !this.options.falInUse();
    const state = this.paused ? 'paused' : online ? 'running' : 'offline';
    const reason = this.paused?.reason ?? (online ? undefined : this.options.online.current.reason);
    return { state, pauseCause: this.paused?.cause, reason, online, running: this.running.size, concurrency: this.concurrency };
  }

  /**
   * Stops starting jobs. A person's pause is never replaced by one the engine makes (a bad key found by a job still
   * running): it stays theirs to lift, and the key problem shows again on the first fal call after they resume.
   */
  pause(cause: PauseCause, reason = cause === 'user' ? 'paused by the user' : 'paused'): void {
    if (this.paused?.cause === 'user' && cause !== 'user') return;
    this.paused = { cause, reason };
    this.emitStatus();
  }

  /** Starts jobs again, whatever paused the queue (the person's Resume). */
  resume(): void {
    this.paused = undefined;
    this.emitStatus();
    this.pump();
  }

  /** Resumes only a pause of this cause (a saved key lifts an `auth` pause, never the person's own). */
  liftPause(cause: PauseCause): void {
    if (this.paused?.cause === cause) this.resume();
  }

  setConcurrency(concurrency: number): void {
    this.concurrency = Math.max(1, Math.floor(concurrency));
    this.falSlots.setLimit(this.concurrency);
    this.pump();
  }

  /**
   * Cancels a job: marks it, stops its run, and tells fal to cancel its live requests (else they run and are
   * billed), booking what fal may still bill for them.
   */
  async cancel(jobId: string): Promise<void> {
    const { deps } = this.options;
    const { falRequestIdsToCancel } = await deps.store.jobs.cancel(jobId);
    this.running.get(jobId)?.controller.abort('cancel');
    const job = await deps.store.jobs.getJob(jobId);
    const client = deps.falClient();
    const lastSeen = this.falStatusSeen.get(jobId);
    // Unreachable fal: the request runs on and its id stays in the store; nothing more can be done from here.
    if (client && job) await Promise.all(falRequestIdsToCancel.map((id) => cancelAtFal(client, job, id, deps.spend, lastSeen).catch(() => undefined)));
    this.emitStatus();
  }

  /**
   * Claims as many runnable jobs as there are free slots. Safe to call any time (new job, finished job, tick): the
   * claim is asynchronous, so calls made while one runs are folded into one more pass after it, never a second
   * claim in parallel (both would count the same free slots and run too many jobs).
   */
  pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.claimFreeSlots()
      // A store that cannot be read now is tried again at the next tick or event.
      .catch(() => undefined)
      .finally(() => {
        this.pumping = undefined;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.pump();
        }
      });
  }

  private async claimFreeSlots(): Promise<void> {
    if (!this.started || this.paused) return;
    // Jobs run beyond `concurrency` so the next ones are decoded and uploaded while others wait on fal, and a freed
    // fal slot is refilled at once; fal slots still bound the requests at fal.
    const ahead = Math.min(this.concurrency, 4);
    // Jobs past fal leave room for as many others (up to `concurrency`): the next jobs are prepared and uploaded
    // while they finish their outputs, not after (fal would idle), and outputs waiting to be finished stay bounded.
    const free = this.concurrency + ahead + Math.min(this.pastFal.size, this.concurrency) - this.running.size;
    if (free <= 0) return;
    const { deps } = this.options;
    // A fal job that arrives while offline waits in waiting_network, like those parked when the network went.
    if (!this.options.online.current.online && this.options.falInUse()) await deps.store.queue.holdForNetwork();
    const { claimed, held } = await this.claimWithReservations(free);
    for (const notice of held) notice?.();
    for (const job of claimed) this.launch(job);
    if (claimed.length > 0) this.emitStatus();
    // Jobs over a cap took no slot: the next ones in line get their turn now, not at the next tick.
    if (held.length > 0) this.pumpAgain = true;
  }

  /**
   * Claims up to `free` jobs and, in the same transaction, reserves under the caps the maximum of each that may pay
   * fal (issue 15): no other claim, on this instance or another one of the team, can take the same room in between.
   * A job the caps hold is parked in `waiting_budget` instead of being run. Resolves the jobs to run and the notices
   * of those held (given after the commit).
   */
  private async claimWithReservations(free: number): Promise<{ claimed: RunnableJob[]; held: (undefined | (() => void))[] }> {
    const { deps } = this.options;
    const options = { networkOnline: this.options.online.current.online, profileIds: this.options.profileIds?.(), folderIds: this.options.folderIds?.() };
    const reserve = this.options.falInUse() ? deps.budget.reserveAtClaim?.bind(deps.budget) : undefined;
    if (!reserve) return { claimed: await deps.store.queue.claimRunnable(deps.now(), free, options), held: [] };
    return deps.store.transaction(async (tx) => {
      // First, so the team's budget lock (PostgreSQL) is taken before any job row: one lock order for every unit.
      await tx.reservations.pruneStale();
      const claimed: RunnableJob[] = [];
      const held: (undefined | (() => void))[] = [];
      for (const claim of await tx.queue.claimRunnable(deps.now(), free, options)) {
        // A job resumed by its fal request id keeps that request's reservation; a local one costs nothing.
        // A review-first job's first run only makes previews: nothing to reserve until sizes are approved.
        const free = claim.resume || claim.job.provider === 'local' || (await makesPreviewsOnly(tx, claim.job.id));
        const verdict = free ? { ok: true as const } : await reserve(tx, claim.job);
        if (verdict.ok) {
          claimed.push(claim);
          continue;
        }
        await tx.jobs.transition(claim.job.id, 'waiting_budget', { reason: verdict.reason });
        held.push(verdict.notice);
      }
      return { claimed, held };
    });
  }

  /**
   * Gone offline: waiting fal jobs show `waiting_network`, and running ones stop waiting on calls that cannot
   * answer (the client would sleep through its own retries, up to half a minute) and wait there too, so all of
   * them go out again as soon as the monitor sees fal back. Local-only jobs run on.
   */
  private async parkForNetwork(): Promise<void> {
    await this.options.deps.store.queue.holdForNetwork();
    for (const entry of this.running.values()) if (entry.needsFal) entry.controller.abort('offline');
  }

  /** What a job run gets (with a CPU lane of its own), for work on a job outside a run: remaking sizes with new marks. */
  runnerDeps(): JobRunnerDeps {
    return { ...this.options.deps, cpu: this.cpuGate.lane() };
  }

  private launch(claimed: RunnableJob): void {
    const controller = new AbortController();
    const { deps } = this.options;
    const jobId = claimed.job.id;
    const onProgress = (progress: JobProgress) => {
      if (progress.falStatus) this.falStatusSeen.set(jobId, progress.falStatus);
      deps.onProgress(progress);
    };
    const falSlots = this.falSlots.forJob((holding) => {
      if (holding) return void this.pastFal.delete(jobId);
      this.pastFal.add(jobId);
      this.pump();
    });
    const runDeps = { ...deps, onProgress, falSlots, falRunTimes: this.falRunTimes, cpu: this.cpuGate.lane() };
    const done = runJob(runDeps, claimed, controller.signal)
      // runJob settles every failure itself; reaching here means a bug, which must not kill the queue.
      .catch((error: unknown): JobOutcome => ({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }))
      .then((outcome) => {
        this.running.delete(jobId);
        this.pastFal.delete(jobId);
        this.falStatusSeen.delete(jobId);
        if (outcome.kind === 'auth') this.pause('auth', outcome.message);
        this.emitStatus();
        // Take the next job right away rather than at the next tick.
        if (outcome.kind !== 'offline') this.pump();
      });
    this.running.set(jobId, { controller, done, needsFal: claimed.job.provider !== 'local' });
  }

  private emitStatus(): void {
    this.options.onStatus?.(this.status());
  }
}
