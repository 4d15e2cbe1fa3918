import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../../electron/engine/runtime/engine';
import { openJobStore, type StoreEvent } from '../../../electron/engine/store';
import type { ApiEvent } from '../../../electron/shared/schemas/events';
import { newJob } from '../../unit/store/storeFixture';

let root: string | undefined;
let engine: Engine | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await engine?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
  engine = undefined;
  root = undefined;
});

/**
 * An engine (not started: no watcher, probe or scheduler tick) holding one failed job. The test opens the store and
 * hands it to the engine, so it can write to it straight and watch its calls (the engine keeps its parts private).
 */
async function engineWithFailedJob() {
  root = mkdtempSync(join(tmpdir(), 'smart-resize-bus-'));
  const dataDir = join(root, 'data');
  const store = openJobStore(dataDir);
  const { job } = await store.jobs.insertJobIfNew(newJob({ provider: 'local' }));
  await store.jobs.transition(job.id, 'preparing');
  await store.jobs.transition(job.id, 'failed', { errorCode: 'corrupt_image', errorMessage: 'bad file' });
  engine = new Engine({ dataDir, env: {}, openedStore: store });
  return { engine, store, job };
}

describe('the engine event bus', () => {
  it("pushes a verb's committed change to listeners before the verb resolves: no flush, no timer", async () => {
    const { engine, store, job } = await engineWithFailedJob();
    const seen: StoreEvent[] = [];
    engine.events.on('stored', (event) => seen.push(event));
    // No timer can fire from here on: a polling tail would deliver nothing.
    vi.useFakeTimers();
    await engine.retry(job.id);
    expect(seen).toEqual([
      expect.objectContaining({
        kind: 'job_state',
        jobId: job.id,
        data: expect.objectContaining({ from: 'failed', to: 'queued', cause: 'retry' }),
        job: expect.objectContaining({ id: job.id, state: 'queued', errorMessage: null }),
      }),
    ]);
    // A verb written without any thought of events (here a transaction straight on the store) is pushed the same way.
    await store.transaction(async (tx) => {
      await tx.jobs.cancel(job.id, 'a brand new verb');
    });
    expect(seen.at(-1)).toMatchObject({ kind: 'job_state', data: { from: 'queued', to: 'cancelled', reason: 'a brand new verb' } });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('turns the event into the UI’s job.changed from the job it carries, without reading the job again', async () => {
    const { engine, store, job } = await engineWithFailedJob();
    const sent: ApiEvent[] = [];
    const detach = engine.bridgeEvents((event) => sent.push(event), 50);
    const reads = vi.spyOn(store.jobs, 'getJob');
    await engine.retry(job.id);
    // Sent in the same turn as the commit (a read would answer later), and no row was read for it.
    expect(sent).toEqual([{ type: 'job.changed', job: expect.objectContaining({ id: job.id, state: 'queued', attempts: 0, error: null }) }]);
    expect(reads).not.toHaveBeenCalled();
    // Live progress of a job the bridge has seen costs no read either.
    engine.events.emit('progress', { jobId: job.id, fraction: 0.5 });
    expect(sent.at(-1)).toEqual({ type: 'job.changed', job: expect.objectContaining({ id: job.id, progress: 0.5 }) });
    expect(reads).not.toHaveBeenCalled();
    detach();
  });
});
