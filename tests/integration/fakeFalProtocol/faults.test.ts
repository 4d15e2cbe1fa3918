import { ApiError, ValidationError } from '@fal-ai/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFal, USER_LOCKED_DETAIL, type FakeFal } from '../../support/fakeFal';
import { clientFor, downloadImage, ENDPOINT, makeSourcePng, rejectionOf, uploadPng, type SmartResizeOutput } from './helpers';

describe('fake fal protocol: faults that surface at once', () => {
  let fake: FakeFal;
  let imageUrl: string;
  let sha: string;
  beforeAll(async () => {
    fake = await startFakeFal({ latency: { processingMs: 20, concurrency: 4 } });
    const source = await makeSourcePng(5);
    sha = source.sha;
    imageUrl = await uploadPng(clientFor(fake), source.bytes, 'faults.png');
  });
  afterEach(() => {
    fake.clearFaults();
    fake.clearLog();
  });
  afterAll(() => fake.close());

  const run = (input: Record<string, unknown> = {}) =>
    clientFor(fake).subscribe(ENDPOINT, { input: { image_url: imageUrl, target_sizes: ['600x400'], ...input }, pollInterval: 10 });

  it('a wrong key gets 401 as an ApiError; a missing key gets 401 too', async () => {
    const error = await rejectionOf(clientFor(fake, 'host', 'not-the-key').queue.submit(ENDPOINT, { input: { image_url: imageUrl } }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, body: { detail: 'No user found for Key ID and Secret' } });
    const bare = await fetch(`${fake.url}/fal-ai/smart-resize`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(bare.status).toBe(401);
    expect(fake.requests({ route: 'submit' }).map((r) => r.auth)).toEqual(['wrong', 'missing']);
    expect(fake.jobs()).toHaveLength(0);
  });

  it('403 "User is locked" and a 500 on submit surface as ApiError without retry', async () => {
    fake.failNext('submit', { status: 403 });
    fake.failNext('submit', { status: 500 });
    const locked = await rejectionOf(run());
    expect(locked).toMatchObject({ status: 403, body: { detail: USER_LOCKED_DETAIL } });
    expect(String((locked as ApiError<{ detail: string }>).body.detail)).toContain('User is locked');
    const broken = await rejectionOf(run());
    expect(broken).toBeInstanceOf(ApiError);
    expect(broken).toMatchObject({ status: 500 });
    expect(fake.requests({ route: 'submit' }).map((r) => r.fault)).toEqual(['status 403', 'status 500']);
  });

  it('route faults can target one image (by sha256 or file_name) or every route with "*"', async () => {
    const other = await makeSourcePng(50);
    fake.failNext('upload', { status: 500 }, { imageKey: other.sha });
    const fal = clientFor(fake);
    expect(await rejectionOf(uploadPng(fal, other.bytes, 'other.png'))).toMatchObject({ status: 500 });
    expect(await uploadPng(fal, other.bytes, 'other.png')).toMatch(/other\.png$/);

    fake.failNext('submit', { status: 503 }, { imageKey: 'nobody.png' });
    fake.failNext('*', { status: 403 }, { times: Infinity });
    expect(await rejectionOf(uploadPng(fal, other.bytes))).toMatchObject({ status: 403 });
    expect(await rejectionOf(run())).toMatchObject({ status: 403 });
    expect(fake.requests().map((r) => `${r.route}:${r.outcome}`)).toEqual([
      'initiate:200', 'upload:500', 'initiate:200', 'upload:200', 'initiate:403', 'submit:403',
    ]);
  });

  it('a route fault with `skip` lets that many matching calls through first, then hits the next', async () => {
    fake.failNext('submit', { status: 500 }, { skip: 2 });
    await run();
    await run();
    expect(await rejectionOf(run())).toMatchObject({ status: 500 });
    await run();
    expect(fake.requests({ route: 'submit' }).map((r) => r.outcome)).toEqual([200, 200, 500, 200]);
  });

  it('waitUntilStalled fails, saying so, when no call is held within its deadline', async () => {
    const held = fake.holdAnswerNext('submit', { imageKey: 'nobody.png' });
    await expect(held.waitUntilStalled(50)).rejects.toThrow(/No call matching the fault was held within 0.05 s/);
    held.cancel();
  });

  it.each(['content_policy_violation', 'image_too_large'])(
    '%s comes from the result call after COMPLETED, as a ValidationError with fal\'s reason in body.detail',
    async (type) => {
      fake.failNextJob({ kind: 'error', type }, { imageKey: sha });
      const error = await rejectionOf(run());
      expect(error).toBeInstanceOf(ValidationError);
      const detail = (error as ValidationError).body.detail;
      expect(detail[0]).toMatchObject({ type, loc: ['body', 'image_url'] });
      expect(detail[0]?.msg.length).toBeGreaterThan(20);
      const requestId = fake.requests({ route: 'result' }).at(-1)?.requestId ?? '';
      expect(fake.requestsFor(requestId).filter((r) => r.route === 'status').at(-1)?.outcome).toBe(200);
      expect(fake.job(requestId)?.resultStatus).toBe(422);
    },
  );

  it('invalid input is a ValidationError listing every field, from the result call', async () => {
    const error = await rejectionOf(run({ target_sizes: [], num_images_per_size: 5, resolution: '8K' }));
    expect(error).toBeInstanceOf(ValidationError);
    const fields = (error as ValidationError).fieldErrors.map((e) => `${e.loc.join('.')}:${e.type}`);
    expect(fields.sort()).toEqual(['body.num_images_per_size:less_than_equal', 'body.resolution:literal_error', 'body.target_sizes:too_short']);
  });

  it('an image_url outside the fake storage fails with file_download_error; 11 sizes or a size no preset covers are refused', async () => {
    const foreign = await rejectionOf(run({ image_url: 'https://example.com/cat.png' }));
    expect((foreign as ValidationError).body.detail[0]?.type).toBe('file_download_error');
    const eleven = Array.from({ length: 11 }, (_, i) => `${100 + i}x100`);
    const tooMany = await rejectionOf(run({ target_sizes: eleven }));
    expect((tooMany as ValidationError).fieldErrors.map((e) => e.type)).toEqual(['too_long']);
    const huge = await rejectionOf(run({ target_sizes: ['7000x1000', 'abc'] }));
    expect((huge as ValidationError).fieldErrors.map((e) => e.loc)).toEqual([
      ['body', 'target_sizes', 0],
      ['body', 'target_sizes', 1],
    ]);
  });

  it('validateAt "submit" refuses bad input at submit, before any request id exists', async () => {
    const strict = await startFakeFal({ validateAt: 'submit' });
    try {
      const error = await rejectionOf(clientFor(strict).queue.submit(ENDPOINT, { input: { target_sizes: ['1x1'] } }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors[0]).toMatchObject({ loc: ['body', 'image_url'], type: 'missing' });
      expect(strict.jobs()).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });

  it('a wrong-size fault yields an output whose pixels differ from the reported and requested size', async () => {
    fake.failNextJob({ kind: 'wrongSize' });
    const result = await run({ target_sizes: ['600x400', '300x300'] });
    const output = result.data as SmartResizeOutput;
    const first = output.results[0]?.images[0];
    expect(first).toMatchObject({ width: 600, height: 400 });
    const real = await downloadImage(first?.url ?? '');
    expect([real.width, real.height]).not.toEqual([600, 400]);
    const second = await downloadImage(output.results[1]?.images[0]?.url ?? '');
    expect([second.width, second.height]).toEqual([300, 300]);
  });

  it('a stalled call waits until released (or until the client gives up), then answers normally', async () => {
    const fal = clientFor(fake);
    const { request_id: requestId } = await fal.queue.submit(ENDPOINT, { input: { image_url: imageUrl, target_sizes: ['200x200'] } });
    await fal.queue.subscribeToStatus(ENDPOINT, { requestId, pollInterval: 10 });

    const stall = fake.stallNext('result', { requestId, times: 2 });
    expect(stall.remaining).toBe(2);
    const giveUp = new AbortController();
    const abandoned = fal.queue.result(ENDPOINT, { requestId, abortSignal: giveUp.signal });
    await stall.waitUntilStalled();
    giveUp.abort();
    expect(await rejectionOf(abandoned)).toMatchObject({ name: 'AbortError' });

    let answered = false;
    const held = fal.queue.result(ENDPOINT, { requestId }).then((value) => ((answered = true), value));
    await stall.waitUntilStalled();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    expect(stall.remaining).toBe(0);
    stall.release();
    expect((await held).requestId).toBe(requestId);
    const results = fake.requests({ route: 'result', requestId });
    expect(results.map((r) => r.outcome)).toEqual(['dropped', 200]);
  });

  it('a 429 or a dropped connection once is absorbed by the client retry (and shows in the log)', async () => {
    fake.failNext('submit', { status: 429 });
    fake.failNext('status', { drop: true });
    const result = await run();
    expect(result.requestId).toBeTruthy();
    const submits = fake.requests({ route: 'submit' });
    expect(submits.map((r) => r.outcome)).toEqual([429, 200]);
    expect(fake.requests({ route: 'status' })[0]?.outcome).toBe('dropped');
    // The dropped connection happened before the fake did anything: one job only.
    expect(fake.jobs().filter((job) => job.requestId === result.requestId)).toHaveLength(1);
  });

  it('a submit answer lost after fal created the request makes the client retry submit a second request', async () => {
    fake.failNext('submit', { drop: true, afterHandling: true });
    const { request_id: requestId } = await clientFor(fake).queue.submit(ENDPOINT, {
      input: { image_url: imageUrl, target_sizes: ['100x100'] },
    });
    // The client cannot tell the lost answer from a failed call: fal now holds two requests for one image.
    const submits = fake.submitsFor(sha);
    expect(submits.map((r) => r.outcome)).toEqual(['dropped', 200]);
    expect(submits[0]?.requestId).toBeDefined();
    expect(submits[0]?.requestId).not.toBe(requestId);
    expect(fake.job(submits[0]?.requestId ?? '')).toBeDefined();
  });
});
