import { afterEach, describe, expect, it } from 'vitest';
import { createSmartResizeFalClient, SMART_RESIZE_ENDPOINT } from '../../../electron/engine/fal/falClient';
import { rewriteFalUrl } from '../../../electron/engine/fal/falHosts';

interface SeenCall {
  url: string;
  headers: Record<string, string>;
}

/** A fetch that answers every call with a canned queue answer and records what it was asked (no network). */
function recordingFetch(seen: SeenCall[]): typeof fetch {
  return async (input, init) => {
    seen.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) } });
    return Response.json({ status: 'IN_QUEUE', request_id: 'r1', queue_position: 0 });
  };
}

describe('createSmartResizeFalClient', () => {
  const savedKey = process.env.FAL_KEY;
  afterEach(() => {
    if (savedKey === undefined) delete process.env.FAL_KEY;
    else process.env.FAL_KEY = savedKey;
  });

  it('sends the explicit key, never FAL_KEY from the environment, to the real fal URL by default', async () => {
    process.env.FAL_KEY = 'env-key-must-not-be-used';
    const seen: SeenCall[] = [];
    const fal = createSmartResizeFalClient({ credentials: 'explicit-key', fetch: recordingFetch(seen) });
    await fal.queue.submit(SMART_RESIZE_ENDPOINT, { input: { image_url: 'x' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://queue.fal.run/fal-ai/smart-resize');
    expect(seen[0]?.headers.Authorization).toBe('Key explicit-key');
  });

  it('hostOverride rewrites queue and storage calls to the override origin, keeping paths', async () => {
    const seen: SeenCall[] = [];
    const fal = createSmartResizeFalClient({ credentials: 'k', hostOverride: 'http://127.0.0.1:9/gw', fetch: recordingFetch(seen) });
    await fal.queue.status(SMART_RESIZE_ENDPOINT, { requestId: 'abc', logs: true });
    expect(seen[0]?.url).toBe('http://127.0.0.1:9/gw/fal-ai/smart-resize/requests/abc/status?logs=1');
    expect(seen[0]?.headers['x-fal-target-url']).toBeUndefined();
  });

  it('proxyUrl sends every call to the proxy with x-fal-target-url set to the fal URL', async () => {
    const seen: SeenCall[] = [];
    const fal = createSmartResizeFalClient({ credentials: 'k', proxyUrl: 'https://proxy.example/api/fal/proxy', fetch: recordingFetch(seen) });
    await fal.queue.result(SMART_RESIZE_ENDPOINT, { requestId: 'abc' });
    expect(seen[0]?.url).toBe('https://proxy.example/api/fal/proxy');
    expect(seen[0]?.headers['x-fal-target-url']).toBe('https://queue.fal.run/fal-ai/smart-resize/requests/abc');
    expect(seen[0]?.headers.Authorization).toBe('Key k');
  });

  it('refuses an empty key, a non-http proxy, and a proxy combined with a host override', () => {
    expect(() => createSmartResizeFalClient({ credentials: '  ' })).toThrow(expect.objectContaining({ code: 'fal_key_missing' }));
    expect(() => createSmartResizeFalClient({ credentials: 'k', proxyUrl: 'ftp://x' })).toThrow(
      expect.objectContaining({ code: 'invalid_proxy_url' }),
    );
    expect(() => createSmartResizeFalClient({ credentials: 'k', proxyUrl: 'http://a', hostOverride: 'http://b' })).toThrow(
      expect.objectContaining({ code: 'invalid_proxy_url' }),
    );
  });
});

describe('rewriteFalUrl', () => {
  it('rewrites only fal API hosts', () => {
    const override = new URL('http://127.0.0.1:4000');
    expect(rewriteFalUrl('https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3', override)).toBe(
      'http://127.0.0.1:4000/storage/upload/initiate?storage_type=fal-cdn-v3',
    );
    expect(rewriteFalUrl('https://fal.run/fal-ai/smart-resize', override)).toBe('http://127.0.0.1:4000/fal-ai/smart-resize');
    expect(rewriteFalUrl('https://v3.fal.media/files/x.png', override)).toBe('https://v3.fal.media/files/x.png');
  });
});
