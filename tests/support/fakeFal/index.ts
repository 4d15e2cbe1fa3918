/**
 * A faithful fake of fal.ai for tests and benchmarks: queue, storage and CDN over real HTTP on 127.0.0.1,
 * following /work/shared/FAL.md (fal's protocol and @fal-ai/client 1.10's behaviour).
 *
 * Use:
 *   const fake = await startFakeFal({ latency: { processingMs: 200, concurrency: 2 } });
 *   const fal = createSmartResizeFalClient({ credentials: fake.key, hostOverride: fake.url });  // host-rewrite form
 *   const fal = createSmartResizeFalClient({ credentials: fake.key, proxyUrl: fake.proxyUrl }); // proxy form
 *   ... fal.storage.upload(new File([bytes], `${sourceHash}.png`, { type: 'image/png' })), fal.queue.submit(...)
 *   await fake.close();
 *
 * Both forms on one server: calls on fal's paths (`/fal-ai/smart-resize`, `/storage/upload/initiate`) and calls
 * at `proxyUrl` carrying `x-fal-target-url`. Upload PUTs, source files and outputs are served at loopback URLs the
 * fake hands out (`/upload/...`, `/files/...`), like fal's CDN. Every call but the PUT and downloads must carry
 * `Authorization: Key <fake.key>` (else 401 as fal).
 *
 * Behaviour: submit -> IN_QUEUE; at most `concurrency` requests run (IN_PROGRESS, `processingMs`), others wait with
 * queue_position; status answers 202 until COMPLETED (200); the result carries real images made with sharp
 * (`images`, `description`, `results[i]` with aspect_ratio/resolution/width/height). Input errors answer 422
 * `{detail:[{loc,msg,type}]}` from the result call (or submit with `validateAt: 'submit'`).
 * Assumptions where fal publishes nothing: the result of a cancelled request is 400 `{detail}`; `logs` is null
 * unless `logs=1`; the preset rule is in presets.ts.
 *
 * Faults: `failNext(route, {status: 429})`, `failNext('submit', {status: 403})` ("User is locked" body),
 * `failNext('result', {status: 422, type: 'image_too_large'})`, `failNext('status', {drop: true})`,
 * `failNext('submit', {drop: true, afterHandling: true})` (request created, answer lost),
 * `stallNext('download').release()`, `failNextJob({kind: 'error', type: 'content_policy_violation'})`,
 * `failNextJob({kind: 'wrongSize'})`, `failNextJob({kind: 'hang'})` (IN_PROGRESS for ever, until cancelled),
 * `holdAnswerNext('submit')` (the request is created, its answer held until released or the client is gone),
 * `stop()` / `start()` (ECONNREFUSED while down, same port after), `holdRunning().release()` (requests that start
 * meanwhile stay IN_PROGRESS until released).
 * Request history: `GET /v1/models/requests/by-endpoint` (api.fal.ai) lists requests with `expand=payloads`,
 * `status`, `request_id`, `cursor`/`limit`; by default only requests that have ended, as soon as they end (fal
 * publishes neither): `history: {listsInFlight, lagMs}` changes that.
 * Rules take `{times, skip, imageKey, requestId}`; imageKey = sha256 of the uploaded bytes or the upload's file_name.
 *
 * Evidence: `requests(filter)`, `countSubmits()`, `submitsFor(imageKey)`, `requestsFor(requestId)`,
 * `nextRequest(filter)`, `jobs()`, `uploads()`. The Authorization header is never recorded in clear.
 */
import { FakeFal } from './fakeFalServer';
import type { FakeFalOptions } from './types';

export { FakeFal } from './fakeFalServer';
export { sha256 } from './fileStore';
export { coveringPreset } from './presets';
export { USER_LOCKED_DETAIL, WRONG_KEY_DETAIL } from './falErrors';
export type * from './types';

/** Starts a fake fal server on a free loopback port (or `options.port`). Close it with `fake.close()`. */
export async function startFakeFal(options: FakeFalOptions = {}): Promise<FakeFal> {
  const fake = new FakeFal(options);
  await fake.start();
  return fake;
}
