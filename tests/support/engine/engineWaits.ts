import { FINISHED_JOB_STATES, RUNNING_JOB_STATES, type JobState } from '../../../electron/domain/jobStates';
import type { Engine } from '../../../electron/engine/runtime/engine';
import type { JobRecord, JobStore } from '../../../electron/engine/store';

/** An engine and the test's own handle on its store (an EngineHarness is one): what the waits below read. */
export interface WatchedEngine {
  readonly engine: Engine;
  readonly store: JobStore;
}

/** What a wait is for, and how long it may take before the test fails with what it saw last. */
export interface EngineWaitOptions {
  readonly timeoutMs?: number;
  readonly what: string;
  readonly describe?: () => string | Promise<string>;
}

/**
 * Resolves with the first value `check` gives that is not undefined, checking once now and again after each engine
 * event (a committed store change, a queue or folder status, a notice): the store pushes its events after every
 * commit, so nothing here polls. Checks never overlap; events during a check cause one more. Rejects after
 * `timeoutMs` (a deadline, not a poll) with `what` and the last `describe()`.
 */
export function untilEngine<T>(engine: Engine, check: () => T | undefined | Promise<T | undefined>, options: EngineWaitOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let checking = false;
    let again = false;
    let over = false;
    const kinds = ['stored', 'queue', 'folder', 'notice'] as const;
    const end = () => {
      over = true;
      clearTimeout(deadline);
      for (const kind of kinds) engine.events.off(kind, recheck);
    };
    const recheck = () => {
      if (over) return;
      if (checking) {
        again = true;
        return;
      }
      checking = true;
      void (async () => {
        try {
          do {
            again = false;
            const value = await check();
            if (value !== undefined) {
              end();
              resolve(value);
              return;
            }
          } while (again && !over);
        } catch (error) {
          end();
          reject(error);
        } finally {
          checking = false;
        }
      })();
    };
    const deadline = setTimeout(() => {
      end();
      void Promise.resolve(options.describe?.()).then(
        (seen) => reject(new Error(`Timed out waiting for ${options.what}.${seen ? ` Last seen: ${seen}` : ''}`)),
        () => reject(new Error(`Timed out waiting for ${options.what}.`)),
      );
    }, options.timeoutMs ?? 30_000);
    for (const kind of kinds) engine.events.on(kind, recheck);
    recheck();
  });
}

/** Every job of the engine's store, newest first. */
async function allJobs(store: JobStore): Promise<JobRecord[]> {
  return (await store.history.queryJobs({ limit: 1000 })).jobs;
}

/** Resolves with the job once it is done, failed or cancelled (or in one of `states`). */
export function waitForJobSettled({ engine, store }: WatchedEngine, jobId: string, options: { states?: readonly JobState[]; timeoutMs?: number } = {}): Promise<JobRecord> {
  const states = options.states ?? FINISHED_JOB_STATES;
  return untilEngine(
    engine,
    async () => {
      const job = await store.jobs.getJob(jobId);
      return job && states.includes(job.state) ? job : undefined;
    },
    {
      timeoutMs: options.timeoutMs,
      what: `job ${jobId} in ${states.join('/')}`,
      describe: async () => (await store.jobs.getJob(jobId))?.state ?? 'no such job',
    },
  );
}

/**
 * Resolves with every job once nothing runs and nothing is queued: each job is finished or waits on something
 * outside the queue (the budget, the network, its retry time), and the scheduler has no run in flight. With
 * `atLeast`, also waits until that many jobs exist (files still arriving).
 */
export function waitForIdle({ engine, store }: WatchedEngine, options: { atLeast?: number; timeoutMs?: number } = {}): Promise<JobRecord[]> {
  return untilEngine(
    engine,
    async () => {
      const jobs = await allJobs(store);
      const busy = jobs.some((job) => job.state === 'queued' || RUNNING_JOB_STATES.includes(job.state));
      return jobs.length >= (options.atLeast ?? 0) && !busy && engine.queueStatus().running === 0 ? jobs : undefined;
    },
    {
      timeoutMs: options.timeoutMs ?? 60_000,
      what: `the queue idle${options.atLeast ? ` with ${options.atLeast} jobs` : ''}`,
      describe: async () => (await allJobs(store)).map((job) => `${job.sourceName}:${job.state}`).join(', '),
    },
  );
}
