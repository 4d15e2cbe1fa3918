import { ApiError } from '@fal-ai/client';
import { describe, expect, it } from 'vitest';
import { startFakeFal, type FakeFal } from '../../support/fakeFal';
import { clientFor, ENDPOINT, makeSourcePng, rejectionOf, uploadPng } from './helpers';

/**
 * Faults the client retries by itself before giving up (3 retries, about 1 + 2 + 4 s): each test runs its own
 * fake so they can run side by side and the file takes ~8 s instead of ~40 s.
 */
async function withFake(test: (fake: FakeFal, imageUrl: string) => Promise<void>): Promise<void> {
  const fake = await startFakeFal({ latency: { processingMs: 20 } });
  try {
    const imageUrl = await uploadPng(clientFor(fake), (await makeSourcePng(6)).bytes);
    await test(fake, imageUrl);
  } finally {
    await fake.close();
  }
}

describe.concurrent('fake fal protocol: faults the client retries before surfacing them', () => {
  it('429 on every submit attempt surfaces as ApiError 429 after 4 attempts', () =>
    withFake(async (fake, imageUrl) => {
      fake.failNext('submit', { status: 429 }, { times: Infinity });
      const error = await rejectionOf(clientFor(fake).queue.submit(ENDPOINT, { input: { image_url: imageUrl } }));
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 429 });
      expect(fake.countSubmits()).toBe(4);
      expect(fake.jobs()).toHaveLength(0);
    }));

  it('502 then 503 then 504 on every result attempt: the last one surfaces, 504 as request_timeout', () =>
    withFake(async (fake, imageUrl) => {
      const fal = clientFor(fake);
      const { request_id: requestId } = await fal.queue.submit(ENDPOINT, { input: { image_url: imageUrl, target_sizes: ['100x100'] } });
      await fal.queue.subscribeToStatus(ENDPOINT, { requestId, pollInterval: 10 });
      fake.failNext('result', { status: 502 });
      fake.failNext('result', { status: 503 });
      fake.failNext('result', { status: 504 }, { times: 2 });
      const error = await rejectionOf(fal.queue.result(ENDPOINT, { requestId }));
      expect(error).toMatchObject({ status: 504, body: { detail: [{ type: 'request_timeout' }] } });
      expect(fake.requests({ route: 'result' }).map((r) => r.outcome)).toEqual([502, 503, 504, 504]);
    }));

  it('connections dropped on every attempt surface as TypeError "fetch failed"', () =>
    withFake(async (fake, imageUrl) => {
      fake.failNext('submit', { drop: true }, { times: Infinity });
      const error = await rejectionOf(clientFor(fake).queue.submit(ENDPOINT, { input: { image_url: imageUrl } }));
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/fetch failed/);
      expect(fake.requests({ route: 'submit' }).map((r) => r.outcome)).toEqual(['dropped', 'dropped', 'dropped', 'dropped']);
    }));

  it('a stopped fake refuses connections (ECONNREFUSED); after start() on the same port the same client works', () =>
    withFake(async (fake, imageUrl) => {
      const fal = clientFor(fake);
      const port = fake.port;
      await fake.stop();
      expect(fake.isUp).toBe(false);
      const offline = await rejectionOf(fal.queue.submit(ENDPOINT, { input: { image_url: imageUrl } }));
      expect(offline).toBeInstanceOf(TypeError);
      expect((offline as Error & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
      expect(fake.countSubmits()).toBe(0);

      await fake.start();
      expect(fake.port).toBe(port);
      // The uploaded file survived the outage, like fal's storage does.
      const back = await fal.queue.submit(ENDPOINT, { input: { image_url: imageUrl, target_sizes: ['100x100'] } });
      await fal.queue.subscribeToStatus(ENDPOINT, { requestId: back.request_id, pollInterval: 10 });
      expect((await fal.queue.result(ENDPOINT, { requestId: back.request_id })).requestId).toBe(back.request_id);
    }));

  it('the network coming back during the client retries lets the call through by itself', () =>
    withFake(async (fake, imageUrl) => {
      const fal = clientFor(fake);
      await fake.stop();
      const submitting = fal.queue.submit(ENDPOINT, { input: { image_url: imageUrl, target_sizes: ['100x100'] } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await fake.start();
      const { request_id: requestId } = await submitting;
      expect(fake.submitsFor(fake.uploads()[0]?.sha256 ?? '').map((r) => r.requestId)).toEqual([requestId]);
    }));

  it('requests keep running on fal while the client is offline', () =>
    withFake(async (fake, imageUrl) => {
      fake.configure({ processingMs: 200 });
      const fal = clientFor(fake);
      const { request_id: requestId } = await fal.queue.submit(ENDPOINT, { input: { image_url: imageUrl, target_sizes: ['100x100'] } });
      await fake.stop();
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(fake.job(requestId)?.state).toBe('COMPLETED');
      await fake.start();
      const status = await fal.queue.status(ENDPOINT, { requestId });
      expect(status.status).toBe('COMPLETED');
    }));
});
