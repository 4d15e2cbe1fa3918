import { describe, expect, it } from 'vitest';
import { mergeFetchedJobs, patchJob, stillActive } from '../../../renderer/src/api/jobCacheMerge';
import type { Job } from '../../../electron/shared';

const job = (id: string, progress: number, updatedAt: number, state: Job['state'] = 'submitted'): Job => ({
  id,
  state,
  sourcePath: `/in/${id}.jpg`,
  sourceName: `${id}.jpg`,
  profileId: 'p',
  profileVersion: 1,
  folderId: null,
  provider: 'fal',
  progress,
  attempts: 0,
  error: null,
  createdAt: 1,
  startedAt: 2,
  finishedAt: null,
  updatedAt,
  retryAt: null,
  outputs: [],
  costCents: null,
});
const change = (row: Job) => {
  const { id, state, progress, attempts, error, startedAt, finishedAt, updatedAt, retryAt } = row;
  return { id, state, progress, attempts, error, startedAt, finishedAt, updatedAt, retryAt };
};

describe('job rows held twice in the UI', () => {
  it('an event older than the row is ignored; a newer one applies', () => {
    const cached = job('a', 0.5, 200);
    expect(patchJob(cached, change(job('a', 0, 100)))).toBe(cached);
    expect(patchJob(cached, change(job('a', 1, 300, 'done')))).toMatchObject({ progress: 1, state: 'done', updatedAt: 300 });
  });

  it('a list answer read before an event does not undo it (50% -> 0%), and newer answers win', () => {
    const cached = [job('a', 0.5, 200), job('b', 0, 100)];
    const fetched = [job('a', 0, 150), job('b', 0.5, 180), job('c', 0, 170, 'queued')];
    expect(mergeFetchedJobs(cached, fetched).map((row) => [row.id, row.progress])).toEqual([['a', 0.5], ['b', 0.5], ['c', 0]]);
    expect(mergeFetchedJobs(undefined, fetched)).toBe(fetched);
  });

  it('a job whose event says it finished leaves the active list at once, and an answer read before that does not bring it back', () => {
    const cached = [job('a', 1, 300, 'done'), job('b', 0.5, 200)];
    expect(stillActive(cached).map((row) => row.id)).toEqual(['b']);
    // The list answer was read while a was still running: the cached finish is newer and wins.
    const merged = mergeFetchedJobs(cached, [job('a', 0.9, 250), job('b', 0.5, 200)]);
    expect(stillActive(merged).map((row) => row.id)).toEqual(['b']);
  });
});
