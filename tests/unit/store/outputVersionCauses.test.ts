import { describe, expect, it } from 'vitest';
import type { JobStore } from '../../../electron/engine/store/jobStore';
import type { NewOutputVersion } from '../../../electron/engine/store/types';
import { newJob, useFreshStore } from './storeFixture';

let store: JobStore;
useFreshStore((opened) => ({ store } = opened));

const version = (jobId: string, cause: string): NewOutputVersion => ({
  jobId, target: '1080x1920', imageIndex: 0, cause: cause as NewOutputVersion['cause'], layout: null, keptPath: `/data/versions/${jobId}/v.jpg`,
  width: 1080, height: 1920, bytes: 10, format: 'jpeg', preflight: null,
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

  it('still refuses a cause it does not know', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await expect(store.versions.addVersion(version(job.id, 'guess'))).rejects.toThrow(/CHECK|check/);
  });
});
