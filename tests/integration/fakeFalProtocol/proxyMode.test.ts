import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFal, type FakeFal } from '../../support/fakeFal';
import { clientFor, downloadImage, ENDPOINT, makeSourcePng, rejectionOf, uploadPng, type SmartResizeOutput } from './helpers';

describe('fake fal protocol: proxy form: every API call goes to the proxy with x-fal-target-url', () => {
  let fake: FakeFal;
  beforeAll(async () => {
    fake = await startFakeFal({ latency: { processingMs: 30 } });
  });
  afterAll(() => fake.close());

  it('runs a whole request through the proxy; the upload PUT goes straight to upload_url', async () => {
    const fal = clientFor(fake, 'proxy');
    const source = await makeSourcePng(7);
    const imageUrl = await uploadPng(fal, source.bytes, 'proxied.png');
    const submitArrival = fake.nextRequest({ route: 'submit' });
    const result = await fal.subscribe(ENDPOINT, { input: { image_url: imageUrl, target_sizes: ['500x500'] }, pollInterval: 10 });
    expect(await submitArrival).toMatchObject({ viaProxy: true, imageSha256: source.sha, requestId: result.requestId });
    const output = result.data as SmartResizeOutput;
    expect(await downloadImage(output.results[0]?.images[0]?.url ?? '')).toMatchObject({ width: 500, height: 500 });

    const api = fake.requests().filter((r) => r.route !== 'upload' && r.route !== 'download');
    expect(api.map((r) => r.route)).toEqual(expect.arrayContaining(['initiate', 'submit', 'status', 'result']));
    for (const call of api) {
      expect(call.viaProxy).toBe(true);
      expect(call.headers['x-fal-target-url']).toBe(call.targetUrl);
      const host = new URL(call.targetUrl ?? '').host;
      expect(host).toBe(call.route === 'initiate' ? 'rest.fal.ai' : 'queue.fal.run');
      expect(call.auth).toBe('valid');
    }
    const [upload] = fake.requests({ route: 'upload' });
    expect(upload?.viaProxy).toBe(false);
    expect(upload?.headers['x-fal-target-url']).toBeUndefined();
    expect(upload?.imageSha256).toBe(source.sha);
  });

  it('refuses a wrong key through the proxy, and calls without or with a foreign target', async () => {
    const wrongKey = await rejectionOf(clientFor(fake, 'proxy', 'wrong').queue.status(ENDPOINT, { requestId: 'x' }));
    expect(wrongKey).toMatchObject({ status: 401 });
    const missing = await fetch(fake.proxyUrl, { method: 'POST', headers: { authorization: `Key ${fake.key}` }, body: '{}' });
    expect(missing.status).toBe(400);
    const foreign = await fetch(fake.proxyUrl, {
      headers: { authorization: `Key ${fake.key}`, 'x-fal-target-url': 'https://example.com/steal' },
    });
    expect(foreign.status).toBe(412);
  });
});
