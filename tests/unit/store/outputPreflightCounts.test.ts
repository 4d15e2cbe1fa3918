import { describe, expect, it } from 'vitest';
import type { JobStore } from '../../../electron/engine/store/jobStore';
import type { NewJobOutput } from '../../../electron/engine/store/types';
import { newJob, useFreshStore, type FakeClock } from './storeFixture';

let clock: FakeClock;
let store: JobStore;
useFreshStore((opened) => ({ clock, store } = opened));

function output(jobId: string, target: string, status: 'pass' | 'warn' | 'fail' | null): NewJobOutput {
  return {
    jobId, target, imageIndex: 0, path: `/out/${jobId}-${target}.jpg`, width: 10, height: 10, provider: 'local', tier: null, bytes: 1,
    ...(status !== null && { preflight: { status, checks: [] } }),
  };
}

describe('outputs.preflightCounts', () => {
  it('counts each output once by its current verdict, per folder and per written-at range', async () => {
    const a = (await store.jobs.insertJobIfNew(newJob({ folderId: 'folder-a' }))).job;
    const b = (await store.jobs.insertJobIfNew(newJob({ folderId: 'folder-b' }))).job;
    await store.outputs.addOutput(output(a.id, '1x1', 'fail'));
    // A retry's rewrite of the same output replaces its verdict instead of counting twice.
    await store.outputs.addOutput(output(a.id, '1x1', 'pass'));
    await store.outputs.addOutput(output(a.id, '2x1', 'warn'));
    const since = clock.now() + 1000;
    clock.advance(1000);
    await store.outputs.addOutput(output(b.id, '1x1', 'fail'));
    await store.outputs.addOutput(output(b.id, '2x1', null));

    expect(await store.outputs.preflightCounts()).toEqual({ pass: 1, warn: 1, fail: 1, unchecked: 1 });
    expect(await store.outputs.preflightCounts({ folderId: 'folder-a' })).toEqual({ pass: 1, warn: 1, fail: 0, unchecked: 0 });
    expect(await store.outputs.preflightCounts({ since })).toEqual({ pass: 0, warn: 0, fail: 1, unchecked: 1 });
    expect(await store.outputs.preflightCounts({ until: since })).toEqual({ pass: 1, warn: 1, fail: 0, unchecked: 0 });
  });
});
