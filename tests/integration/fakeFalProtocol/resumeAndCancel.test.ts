import { ApiError } from '@fal-ai/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFal, type FakeFal } from '../../support/fakeFal';
import { clientFor, downloadImage, ENDPOINT, makeSourcePng, rejectionOf, uploadPng, type SmartResizeOutput } from './helpers';

describe('fake fal protocol: resuming by request id and cancelling', () => {
  let fake: FakeFal;
  beforeAll(async () => {
    fake = await startFakeFal({ latency: { processingMs: 300, concurrency: 1 } });
  });
  afterAll(() => fake.close());

  it('a fresh client resumes a request through status/result without submitting it again', async () => {
    const source = await makeSourcePng(3);
    const crashed = clientFor(fake);
    const imageUrl = await uploadPng(crashed, source.bytes, 'resume.png');
    let persistedId: string | undefined;
    const stopWaiting = new AbortController();
    // The "crash": the first client stops waiting right after persisting the id in onEnqueue.
    const firstRun = crashed.subscribe(ENDPOINT, {
      input: { image_url: imageUrl, target_sizes: ['800x600'] },
      pollInterval: 20,
      abortSignal: stopWaiting.signal,
      onEnqueue: (requestId) => {
        persistedId = requestId;
        stopWaiting.abort();
      },
    });
    expect(await rejectionOf(firstRun)).toMatchObject({ name: 'AbortError' });
    expect(persistedId).toBeDefined();
    const requestId = persistedId as string;

    const restarted = clientFor(fake);
    await restarted.queue.subscribeToStatus(ENDPOINT, { requestId, pollInterval: 20 });
    const result = await restarted.queue.result(ENDPOINT, { requestId });
    const output = result.data as SmartResizeOutput;
    expect(result.requestId).toBe(requestId);
    expect(await downloadImage(output.results[0]?.images[0]?.url ?? '')).toMatchObject({ width: 800, height: 600 });

    expect(fake.countSubmits()).toBe(1);
    expect(fake.submitsFor(source.sha).map((r) => r.requestId)).toEqual([requestId]);
    expect(fake.requestsFor(requestId).filter((r) => r.route === 'result')).toHaveLength(1);
  });

  it('cancels a queued and a running request; a finished one answers ALREADY_COMPLETED', async () => {
    const fal = clientFor(fake);
    const imageUrl = await uploadPng(fal, (await makeSourcePng(4)).bytes);
    const input = { image_url: imageUrl, target_sizes: ['640x640'] };
    const running = (await fal.queue.submit(ENDPOINT, { input })).request_id;
    const queued = (await fal.queue.submit(ENDPOINT, { input })).request_id;
    expect(fake.job(queued)?.state).toBe('IN_QUEUE');

    await fal.queue.cancel(ENDPOINT, { requestId: queued });
    await fal.queue.cancel(ENDPOINT, { requestId: running });
    expect(fake.requests({ route: 'cancel' }).map((r) => r.outcome)).toEqual([202, 202]);
    expect([fake.job(queued), fake.job(running)].map((job) => [job?.state, job?.cancelled])).toEqual([
      ['COMPLETED', true],
      ['COMPLETED', true],
    ]);
    const status = await fal.queue.status(ENDPOINT, { requestId: queued });
    expect(status.status).toBe('COMPLETED');
    const cancelledResult = await rejectionOf(fal.queue.result(ENDPOINT, { requestId: queued }));
    expect(cancelledResult).toBeInstanceOf(ApiError);
    expect(cancelledResult).toMatchObject({ status: 400 });

    const again = await rejectionOf(fal.queue.cancel(ENDPOINT, { requestId: running }));
    expect(again).toMatchObject({ status: 400, body: { status: 'ALREADY_COMPLETED' } });
    const unknown = await rejectionOf(fal.queue.cancel(ENDPOINT, { requestId: 'no-such-request' }));
    expect(unknown).toMatchObject({ status: 404, body: { status: 'NOT_FOUND' } });
  });
});
