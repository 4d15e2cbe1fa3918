import { describe, expect, it } from 'vitest';
import { JOB_STATES } from '../../../electron/domain/jobStates';
import { type ApiEvent, type JobCounts, type JobState, type QueueState } from '../../../electron/shared';
import { NotificationPlanner } from '../../../electron/main/notifications/notificationPlanner';

const timing = { failureWindowMs: 4_000, failureCooldownMs: 60_000 };

function counts(partial: Partial<JobCounts> = {}): JobCounts {
  return { ...(Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as JobCounts), ...partial };
}

function queue(partial: Partial<Omit<QueueState, 'counts'>> & { counts?: Partial<JobCounts> }): ApiEvent {
  const { counts: partialCounts, ...rest } = partial;
  return { type: 'queue.changed', queue: { state: 'running', pauseCause: null, reason: null, online: true, batch: null, ...rest, counts: counts(partialCounts) } };
}

function jobChanged(id: string, state: JobState, message?: string): ApiEvent {
  const error = message ? { code: 'fal_rejected', message } : null;
  return { type: 'job.changed', job: { id, state, progress: 0, attempts: 1, error, startedAt: 1, finishedAt: 2, updatedAt: 2, retryAt: null } };
}

function failed(id: string, message = 'fal refused the image: content_policy_violation'): ApiEvent {
  return jobChanged(id, 'failed', message);
}

const batch = (total: number, finished: number, endedAt: number | null = null) => ({
  total,
  finished,
  failed: 0,
  cancelled: 0,
  startedAt: 1,
  endedAt,
  etaAt: null,
  blocked: null,
});

describe('NotificationPlanner', () => {
  it('tells once when a batch finishes, with what it made and what failed', () => {
    const planner = new NotificationPlanner(timing);
    expect(planner.observe(queue({ counts: { done: 10 } }), 0)).toEqual([]);
    expect(planner.observe(queue({ batch: batch(3, 0), counts: { done: 10, queued: 3 } }), 10)).toEqual([]);
    expect(planner.observe(queue({ batch: batch(3, 2), counts: { done: 12, queued: 1 } }), 20)).toEqual([]);
    const notices = planner.observe(queue({ counts: { done: 12, failed: 1 } }), 30);
    expect(notices).toEqual([{ kind: 'batch_done', title: 'Batch done', body: '2 images resized, 1 failed.' }]);
    expect(planner.observe(queue({ counts: { done: 12, failed: 1 } }), 40)).toEqual([]);
  });

  it('tells when the batch ends as the engine keeps it (ended, with its counts), and once only', () => {
    const planner = new NotificationPlanner(timing);
    planner.observe(queue({ counts: { done: 10 } }), 0);
    planner.observe(queue({ batch: batch(2, 0), counts: { done: 10, queued: 2 } }), 10);
    expect(planner.observe(queue({ batch: batch(2, 2, 20), counts: { done: 12 } }), 20)).toEqual([
      { kind: 'batch_done', title: 'Batch done', body: '2 images resized.' },
    ]);
    expect(planner.observe(queue({ batch: batch(2, 2, 20), counts: { done: 12 } }), 30)).toEqual([]);
  });

  it('counts a batch already running when the app starts from that moment', () => {
    const planner = new NotificationPlanner(timing);
    planner.observe(queue({ batch: batch(5, 2), counts: { done: 7, queued: 3 } }), 0);
    expect(planner.observe(queue({ counts: { done: 10 } }), 10)[0]?.body).toBe('3 images resized.');
  });

  it('says nothing for a batch that was only cancelled', () => {
    const planner = new NotificationPlanner(timing);
    planner.observe(queue({}), 0);
    planner.observe(queue({ batch: batch(2, 0), counts: { queued: 2 } }), 1);
    expect(planner.observe(queue({ counts: { cancelled: 2 } }), 2)).toEqual([]);
  });

  it('turns a burst of 50 failures into one notice, after the window', () => {
    const planner = new NotificationPlanner(timing);
    planner.observe(queue({ batch: batch(100, 0), counts: { queued: 100 } }), 0);
    for (let index = 0; index < 50; index++) {
      expect(planner.observe(failed(`job-${index}`), 1_000 + index)).toEqual([]);
      // The same job reported again (another stored change) is not a new failure.
      planner.observe(failed(`job-${index}`), 1_000 + index);
    }
    expect(planner.nextFlushAt()).toBe(5_000);
    expect(planner.flushDue(4_999)).toEqual([]);
    expect(planner.flushDue(5_000)).toEqual([
      { kind: 'jobs_failed', title: '50 jobs failed', body: 'First reason: fal refused the image: content_policy_violation' },
    ]);
    expect(planner.flushDue(5_001)).toEqual([]);
    expect(planner.nextFlushAt()).toBeUndefined();
  });

  it("gathers a folder's unreadable files into one notice, and tells a held burst at once", () => {
    const planner = new NotificationPlanner(timing);
    const unreadable = (name: string): ApiEvent => ({
      type: 'notice',
      notice: { kind: 'file', level: 'warning', message: `/photos/${name}: permission denied`, folderId: 'photos', path: `/photos/${name}` },
    });
    for (let index = 0; index < 12; index++) expect(planner.observe(unreadable(`locked-${index}.jpg`), 100 + index)).toEqual([]);
    expect(planner.nextFlushAt()).toBe(4_100);
    expect(planner.flushDue(4_099)).toEqual([]);
    expect(planner.flushDue(4_100)).toEqual([
      { kind: 'files_unreadable', title: '12 files could not be read', body: 'First: /photos/locked-0.jpg: permission denied' },
    ]);
    expect(planner.nextFlushAt()).toBeUndefined();
    const burst: ApiEvent = { type: 'notice', notice: { kind: 'burst', level: 'warning', message: '/photos received a burst of files: 40 are held until you let them go ahead.' } };
    expect(planner.observe(burst, 5_000)).toEqual([
      { kind: 'burst_held', title: 'Files held before spending', body: '/photos received a burst of files: 40 are held until you let them go ahead.' },
    ]);
    // A budget hold is told from the queue's counts, not twice.
    expect(planner.observe({ type: 'notice', notice: { kind: 'budget', level: 'warning', message: 'Daily cap reached' } }, 5_001)).toEqual([]);
  });

  it('spaces failure notices out by the cooldown, and counts a retried job that fails again', () => {
    const planner = new NotificationPlanner(timing);
    planner.observe(failed('a', 'bad file'), 0);
    expect(planner.flushDue(4_000)).toEqual([{ kind: 'jobs_failed', title: 'A job failed', body: 'bad file' }]);
    planner.observe(jobChanged('a', 'queued'), 5_000);
    planner.observe(failed('a', 'bad file again'), 6_000);
    expect(planner.nextFlushAt()).toBe(64_000);
    expect(planner.flushDue(10_000)).toEqual([]);
    expect(planner.flushDue(64_000)).toEqual([{ kind: 'jobs_failed', title: 'A job failed', body: 'bad file again' }]);
  });

  it('folds failures gathered at the end of a batch into the batch notice', () => {
    const planner = new NotificationPlanner(timing);
    planner.observe(queue({}), 0);
    planner.observe(queue({ batch: batch(2, 0), counts: { queued: 2 } }), 1);
    planner.observe(failed('x', 'image_too_large'), 2);
    expect(planner.observe(queue({ counts: { done: 1, failed: 1 } }), 3)).toEqual([
      { kind: 'batch_done', title: 'Batch done', body: '1 image resized, 1 failed (image_too_large).' },
    ]);
    expect(planner.nextFlushAt()).toBeUndefined();
  });

  it("tells when the engine pauses the queue (bad key), not when the person does", () => {
    const planner = new NotificationPlanner(timing);
    planner.observe(queue({}), 0);
    expect(planner.observe(queue({ state: 'paused', pauseCause: 'user', reason: 'paused by the user' }), 1)).toEqual([]);
    planner.observe(queue({}), 2);
    const notices = planner.observe(queue({ state: 'paused', pauseCause: 'auth', reason: 'fal refused the key: User is locked.', counts: { queued: 3 } }), 3);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'queue_paused', title: 'Queue paused' });
    expect(notices[0]!.body).toContain('User is locked');
    expect(planner.observe(queue({ state: 'paused', pauseCause: 'auth', reason: 'fal refused the key: User is locked.' }), 4)).toEqual([]);
  });

  it('tells when the budget starts holding work back', () => {
    const planner = new NotificationPlanner(timing);
    planner.observe(queue({}), 0);
    expect(planner.observe(queue({ counts: { waiting_budget: 4 } }), 1)).toEqual([
      { kind: 'budget_reached', title: 'Spending limit reached', body: '4 images wait until the budget allows more.' },
    ]);
    expect(planner.observe(queue({ counts: { waiting_budget: 6 } }), 2)).toEqual([]);
  });

  it('tells when waiting work is sent after being offline, and not for an empty queue', () => {
    const planner = new NotificationPlanner(timing);
    planner.observe(queue({ state: 'offline', online: false, counts: { waiting_network: 5 } }), 0);
    expect(planner.observe(queue({ state: 'running', counts: { waiting_network: 5 } }), 1)).toEqual([
      { kind: 'back_online', title: 'Back online', body: 'Sending 5 waiting images now.' },
    ]);
    planner.observe(queue({ state: 'offline', online: false }), 2);
    expect(planner.observe(queue({ state: 'running' }), 3)).toEqual([]);
  });
});
