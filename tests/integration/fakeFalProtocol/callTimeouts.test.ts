import { afterEach, describe, expect, it } from 'vitest';
import { createSmartResizeFalClient, type SmartResizeFalClient } from '../../../electron/engine/fal/falClient';
import { FalCallTimeoutError } from '../../../electron/engine/fal/falCallTimeouts';
import { isSubmitAnswerLost } from '../../../electron/engine/fal/falSubmit';
import { pollUntil } from '../../support/engine/pollUntil';
import { startFakeFal, type FakeFal, type FakeFalRoute } from '../../support/fakeFal';
import { ENDPOINT, makeSourcePng, uploadPng } from './helpers';

/** Every timeout of the client under test; a held call must give up within about this. */
const TIMEOUT_MS = 200;
/** Long enough for any given-up call, far shorter than the minutes an unbounded one waits. */
const GUARD_MS = 5_000;

let fake: FakeFal | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function clientWithTimeouts(server: FakeFal): SmartResizeFalClient {
  return createSmartResizeFalClient({
    credentials: server.key,
    hostOverride: server.url,
    callTimeouts: { apiMs: TIMEOUT_MS, resultMs: TIMEOUT_MS, transferBaseMs: TIMEOUT_MS },
  });
}

/** What the call settled with, or 'still waiting' after GUARD_MS. */
async function settleWithin(call: Promise<unknown>): Promise<unknown> {
  const guard = new Promise((resolve) => setTimeout(() => resolve('still waiting'), GUARD_MS).unref());
  return Promise.race([call.then((value) => ({ value }), (error: unknown) => error), guard]);
}

describe('fake fal protocol: every fal call has a timeout', () => {
  it.each<[FakeFalRoute, string]>([
    ['initiate', 'storage upload (initiate)'],
    ['upload', 'storage upload (PUT)'],
    ['status', 'status poll'],
    ['result', 'result'],
    ['cancel', 'cancel'],
  ])('a %s call held open with no answer fails as a timeout (%s)', async (route) => {
    fake = await startFakeFal({ latency: { processingMs: 20 } });
    const fal = clientWithTimeouts(fake);
    const { bytes } = await makeSourcePng(30);
    const prepared = route === 'initiate' || route === 'upload' ? undefined : await prepareRequest(fal, bytes);
    const held = fake.stallNext(route, { times: Infinity });
    const call =
      prepared === undefined
        ? uploadPng(fal, bytes)
        : route === 'status'
          ? fal.queue.status(ENDPOINT, { requestId: prepared })
          : route === 'result'
            ? fal.queue.result(ENDPOINT, { requestId: prepared })
            : fal.queue.cancel(ENDPOINT, { requestId: prepared });
    const outcome = await settleWithin(call);
    expect(outcome).toBeInstanceOf(FalCallTimeoutError);
    // The connection is let go, so fal's side sees it close.
    await pollUntil(() => (held.heldCount === 0 ? true : undefined), { timeoutMs: GUARD_MS, what: 'the held call to be let go' });
    // Given up, not retried: the client does not retry a timeout.
    expect(fake.requests({ route }).filter((record) => record.fault === 'stall')).toHaveLength(1);
  });

  it('a submit held open is a lost answer (fal may have the request), never retried blindly', async () => {
    fake = await startFakeFal();
    const fal = clientWithTimeouts(fake);
    const imageUrl = await uploadPng(fal, (await makeSourcePng(31)).bytes);
    fake.holdAnswerNext('submit');
    const outcome = await settleWithin(fal.direct.submit({ image_url: imageUrl, target_sizes: ['100x100'] }));
    expect(isSubmitAnswerLost(outcome)).toBe(true);
    expect((outcome as Error).cause).toBeInstanceOf(FalCallTimeoutError);
    expect(fake.countSubmits()).toBe(1);
    expect(fake.jobs()).toHaveLength(1);
  });

  it('a request-history look-up held open fails as a timeout', async () => {
    fake = await startFakeFal();
    const fal = clientWithTimeouts(fake);
    fake.stallNext('history', { times: Infinity });
    const outcome = await settleWithin(fal.direct.findSubmitted({ imageUrl: 'https://v3.fal.media/x.png', targetSizes: ['100x100'], sentAt: Date.now() }));
    expect(outcome).toBeInstanceOf(FalCallTimeoutError);
  });
});

/** Uploads, submits and waits for a request to finish; returns its id. */
async function prepareRequest(fal: SmartResizeFalClient, bytes: Buffer): Promise<string> {
  const imageUrl = await uploadPng(fal, bytes);
  const requestId = await fal.direct.submit({ image_url: imageUrl, target_sizes: ['100x100'] });
  await fal.queue.subscribeToStatus(ENDPOINT, { requestId, pollInterval: 10 });
  return requestId;
}
