import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStore } from '../../../electron/engine/store/jobStore';
import type { JobRecord } from '../../../electron/engine/store/types';
import { fakeClock, newJob, openTestStore } from './storeFixture';
import { tempDirs } from './tempDir';

const dirs = tempDirs();
let store: JobStore;

beforeEach(() => {
  store = openTestStore(dirs.make(), fakeClock());
});
afterEach(async () => {
  await store.close();
  dirs.cleanup();
});

async function uploadingJob(): Promise<JobRecord> {
  const { job } = await store.jobs.insertJobIfNew(newJob());
  await store.jobs.transition(job.id, 'preparing');
  return store.jobs.transition(job.id, 'uploading');
}

describe('recordRequestId', () => {
  it('stores the id and moves the uploading job to submitted in one commit, with both events', async () => {
    const job = await uploadingJob();
    const { request, job: after, cancelNeeded } = await store.requests.recordRequestId(job.id, 0, 'req-1', ['1080x1080', '1080x1920']);
    expect(request).toMatchObject({ jobId: job.id, batchIndex: 0, requestId: 'req-1', state: 'submitted', completedAt: null });
    expect(request.sizes).toEqual(['1080x1080', '1080x1920']);
    expect(after.state).toBe('submitted');
    expect(cancelNeeded).toBe(false);
    const kinds = (await store.history.getJobDetail(job.id))!.events.map((e) => e.kind);
    expect(kinds.slice(-2)).toEqual(['request_submitted', 'job_state']);
  });

  it('records later batches while the job stays submitted', async () => {
    const job = await uploadingJob();
    await store.requests.recordRequestId(job.id, 0, 'req-1', ['1x1']);
    const second = await store.requests.recordRequestId(job.id, 1, 'req-2', ['2x2']);
    expect(second.job.state).toBe('submitted');
    expect((await store.requests.liveRequests(job.id)).map((r) => r.requestId)).toEqual(['req-1', 'req-2']);
  });

  it('treats the same id reported twice as one request', async () => {
    const job = await uploadingJob();
    const first = await store.requests.recordRequestId(job.id, 0, 'req-1', ['1x1']);
    const again = await store.requests.recordRequestId(job.id, 0, 'req-1', ['1x1']);
    expect(again.request).toEqual(first.request);
    expect(await store.requests.listRequests(job.id)).toHaveLength(1);
  });

  it('refuses a second live request for the same batch, which would pay twice', async () => {
    const job = await uploadingJob();
    await store.requests.recordRequestId(job.id, 0, 'req-1', ['1x1']);
    await expect(store.requests.recordRequestId(job.id, 0, 'req-2', ['1x1'])).rejects.toThrow(/would pay twice/);
    expect(await store.requests.findByRequestId('req-2')).toBeUndefined();
  });

  it('refuses an id that belongs to another job', async () => {
    const a = await uploadingJob();
    const b = await uploadingJob();
    await store.requests.recordRequestId(a.id, 0, 'req-1', ['1x1']);
    await expect(store.requests.recordRequestId(b.id, 0, 'req-1', ['1x1'])).rejects.toThrow(/already belongs/);
  });

  it('allows resubmitting a batch whose request failed, keeping the failed one for the ledger', async () => {
    const job = await uploadingJob();
    await store.requests.recordRequestId(job.id, 0, 'req-1', ['1x1']);
    await store.requests.finishRequest('req-1', 'failed');
    await store.requests.recordRequestId(job.id, 0, 'req-2', ['1x1']);
    expect((await store.requests.listRequests(job.id)).map((r) => [r.requestId, r.state])).toEqual([
      ['req-1', 'failed'],
      ['req-2', 'submitted'],
    ]);
    expect((await store.requests.liveRequests(job.id)).map((r) => r.requestId)).toEqual(['req-2']);
  });

  it('still stores an id that arrives after the job was cancelled, and says fal must cancel it', async () => {
    const job = await uploadingJob();
    await store.jobs.cancel(job.id);
    const result = await store.requests.recordRequestId(job.id, 0, 'req-late', ['1x1']);
    expect(result.cancelNeeded).toBe(true);
    expect(result.job.state).toBe('cancelled');
    expect(result.request.state).toBe('cancelled');
  });
});

describe('finishRequest', () => {
  it('keeps the first outcome of a request', async () => {
    const job = await uploadingJob();
    await store.requests.recordRequestId(job.id, 0, 'req-1', ['1x1']);
    expect((await store.requests.finishRequest('req-1', 'completed')).state).toBe('completed');
    expect((await store.requests.finishRequest('req-1', 'failed')).state).toBe('completed');
  });

  it('reports an unknown request', async () => {
    await expect(store.requests.finishRequest('nope', 'completed')).rejects.toThrow(expect.objectContaining({ code: 'job_not_found' }));
  });
});

describe('outputs', () => {
  it('adds outputs and replaces a rewritten one instead of duplicating it', async () => {
    const job = await uploadingJob();
    const output = {
      jobId: job.id,
      target: '1080x1920',
      imageIndex: 0,
      path: '/out/a.png',
      width: 1080,
      height: 1920,
      provider: 'fal' as const,
      tier: '2K',
      bytes: 1234,
    };
    await store.outputs.addOutput(output);
    await store.outputs.addOutput({ ...output, target: '1080x1080', height: 1080, path: '/out/b.png' });
    await store.outputs.addOutput({ ...output, bytes: 999 });
    const outputs = await store.outputs.listOutputs(job.id);
    expect(outputs.map((o) => [o.target, o.bytes])).toEqual([
      ['1080x1080', 1234],
      ['1080x1920', 999],
    ]);
    expect(outputs[1]).toMatchObject({ tier: '2K', provider: 'fal', width: 1080, height: 1920 });
  });

  it('refuses an output for an unknown job', async () => {
    await expect(store.outputs.addOutput({
        jobId: 'nope',
        target: '1x1',
        imageIndex: 0,
        path: '/x',
        width: 1,
        height: 1,
        provider: 'local',
        tier: null,
        bytes: 1,
      }),
    ).rejects.toThrow(expect.objectContaining({ code: 'job_not_found' }));
  });
});
