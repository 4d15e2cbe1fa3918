import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../../support/engine/pollUntil';
import { startFakeFal, type FakeFal, type FakeFalOptions } from '../../support/fakeFal';
import { clientFor, ENDPOINT, makeSourcePng, uploadPng } from './helpers';

let fake: FakeFal | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** One GET of the fake's request history, as fal's Platform API is called (key, api.fal.ai path). */
async function history(server: FakeFal, query: Record<string, string>, key = server.key) {
  const response = await fetch(`${server.url}/v1/models/requests/by-endpoint?${new URLSearchParams({ endpoint_id: ENDPOINT, ...query })}`, {
    headers: { Authorization: `Key ${key}` },
  });
  return { status: response.status, body: (await response.json()) as { items: Array<Record<string, unknown>>; has_more: boolean; next_cursor: string | null } };
}

async function withFake(options: FakeFalOptions = {}) {
  fake = await startFakeFal({ latency: { processingMs: 300 }, ...options });
  const fal = clientFor(fake);
  const imageUrl = await uploadPng(fal, (await makeSourcePng(40)).bytes);
  const requestId = await fal.direct.submit({ image_url: imageUrl, target_sizes: ['100x100'] });
  return { server: fake, fal, imageUrl, requestId };
}

describe('fake fal protocol: the fake fal request history (GET api.fal.ai/v1/models/requests/by-endpoint)', () => {
  it('lists a request only once it has ended by default, with its payloads when asked', async () => {
    const { server, fal, imageUrl, requestId } = await withFake();
    expect((await history(server, {})).body.items).toEqual([]);
    expect(await fal.direct.findSubmitted({ imageUrl, targetSizes: ['100x100'], sentAt: Date.now() })).toBeUndefined();
    await pollUntil(() => (server.job(requestId)?.state === 'COMPLETED' ? true : undefined), { what: 'the request to end' });
    const plain = await history(server, {});
    expect(plain.body.items.map((item) => [item['request_id'], item['status_code'], 'json_input' in item])).toEqual([[requestId, 200, false]]);
    const expanded = await history(server, { expand: 'payloads' });
    expect(expanded.body.items[0]?.['json_input']).toEqual({ image_url: imageUrl, target_sizes: ['100x100'] });
    expect(await fal.direct.findSubmitted({ imageUrl, targetSizes: ['100x100'], sentAt: Date.now() })).toMatchObject({ requestId, statusCode: 200 });
    // The same upload with other sizes is another request.
    expect(await fal.direct.findSubmitted({ imageUrl, targetSizes: ['200x200'], sentAt: Date.now() })).toBeUndefined();
  });

  it('can be told to list requests in flight (fal does not say whether it does)', async () => {
    const { server, requestId } = await withFake({ history: { listsInFlight: true } });
    const listed = await history(server, {});
    expect(listed.body.items.map((item) => [item['request_id'], item['ended_at']])).toEqual([[requestId, null]]);
  });

  it('pages by cursor, filters by status, refuses a page over 100 and a call without the key', async () => {
    fake = await startFakeFal({ latency: { processingMs: 0, concurrency: 40 } });
    const server = fake;
    const fal = clientFor(server);
    // Not uploaded: the model fails each with file_download_error (422), quickly.
    const ids = await Promise.all(Array.from({ length: 7 }, (_, index) => fal.direct.submit({ image_url: `https://v3.fal.media/missing-${index}.png`, target_sizes: ['100x100'] })));
    await pollUntil(() => (ids.every((id) => server.job(id)?.state === 'COMPLETED') ? true : undefined), { what: 'every request to end' });
    const seen: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await history(server, { limit: '3', ...(cursor && { cursor }) });
      seen.push(...page.body.items.map((item) => item['request_id']));
      cursor = page.body.has_more ? (page.body.next_cursor ?? undefined) : undefined;
    } while (cursor);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect((await history(server, { status: 'user_error' })).body.items).toHaveLength(7);
    expect((await history(server, { status: 'success' })).body.items).toHaveLength(0);
    expect((await history(server, { limit: '101' })).status).toBe(422);
    expect((await history(server, {}, 'wrong-key')).status).toBe(401);
  });
});
