import { describe, expect, it } from 'vitest';
import type { JobStore } from '../../../electron/engine/store/jobStore';
import type { NewOutputVersion } from '../../../electron/engine/store/types';
import { newJob, useFreshStore } from './storeFixture';

let store: JobStore;
useFreshStore((opened) => ({ store } = opened));

const version = (jobId: string, cause: string): NewOutputVersion => ({
  jobId, target: '1080x1920', imageIndex: 0, cause: cause as NewOutputVersion['cause'], layout: null, keptPath: `/data/versions/${jobId}/v.jpg`,
  width: 1080, height: 1920, bytes: 10, format: 'jpeg', preflight: null, provider: 'local', tier: null,
});

describe('output versions (migration 12)', () => {
  it('keeps a method switch and a variant pick as versions, numbered after the run', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    for (const cause of ['run', 'method', 'pick', 'restore']) await store.versions.addVersion(version(job.id, cause));
    expect((await store.versions.listVersions(job.id)).map((record) => [record.version, record.cause])).toEqual([
      [1, 'run'],
      [2, 'method'],
      [3, 'pick'],
      [4, 'restore'],
    ]);
  });

  it('keeps who made each version (migration 13): a fal re-run with its tier, a marks remake by the local engine', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await store.versions.addVersion({ ...version(job.id, 'run'), provider: 'fal', tier: '1K' });
    await store.versions.addVersion({ ...version(job.id, 'fal_rerun'), provider: 'fal', tier: '2K' });
    await store.versions.addVersion(version(job.id, 'marks'));
    expect((await store.versions.listVersions(job.id)).map((record) => [record.version, record.cause, record.provider, record.tier])).toEqual([
      [1, 'run', 'fal', '1K'],
      [2, 'fal_rerun', 'fal', '2K'],
      [3, 'marks', 'local', null],
    ]);
    await expect(store.versions.addVersion({ ...version(job.id, 'restore'), provider: 'cloud' as 'fal' })).rejects.toThrow(/CHECK|check/);
  });

  it('still refuses a cause it does not know', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await expect(store.versions.addVersion(version(job.id, 'guess'))).rejects.toThrow(/CHECK|check/);
  });
});
