import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { HostServices } from '../../../electron/engine/api/hostServices';
import { Engine, type EngineOptions } from '../../../electron/engine/runtime/engine';
import { FileFalKeyStore } from '../../../electron/engine/settings/falKeyStore';
import type { ApiHandlers } from '../../../electron/shared/contract/types';
import { HARNESS_TIMING } from '../../support/engine/engineHarness';
import { startFakeFal, type FakeFal } from '../../support/fakeFal';

// Settings' "Test key": one authenticated call to fal, through the same route as jobs, answered valid / invalid /
// unreachable in words.

const host: HostServices = { openPath: async () => undefined, revealPath: async () => undefined, pickFolder: async () => null, keyStorage: 'file' };
const loopbackOnly: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== '127.0.0.1') throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) });
  return fetch(input, init);
};

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** The calls the check made (the online monitor's HEAD probes are not the check's). */
const checks = (fake: FakeFal) => fake.requests().filter((request) => request.method !== 'HEAD');

async function rig(options: { key?: string | null; engine?: (fake: FakeFal) => Partial<EngineOptions> } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'smart-resize-key-test-'));
  const fake = await startFakeFal();
  const dataDir = join(root, 'data');
  if (options.key !== null) new FileFalKeyStore(dataDir).write(options.key ?? fake.key);
  const engine = new Engine({ dataDir, env: {}, falHostOverride: fake.url, timing: HARNESS_TIMING, ...options.engine?.(fake) });
  const api: ApiHandlers = engine.api(host);
  await engine.start();
  cleanup.push(() => fake.close(), () => engine.stop(), () => rmSync(root, { recursive: true, force: true }));
  const call = async (verb: string, input?: unknown) => {
    const result = await dispatchCall(api, verb, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { result: string; message: string };
  };
  return { fake, call };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('falKey.test', () => {
  it('says a key fal accepts is valid, with exactly one authenticated call', async () => {
    const { fake, call } = await rig();
    expect(await call('falKey.test')).toEqual({ result: 'valid', message: 'fal accepted the key.' });
    expect(checks(fake).map((request) => [request.method, request.path.split('?')[0], request.auth])).toEqual([['GET', '/v1/models/requests/by-endpoint', 'valid']]);
  });

  it('says a typed key fal refuses is invalid, with fal’s reason, and does not save it', async () => {
    const { fake, call } = await rig();
    const answer = await call('falKey.test', { key: 'not-the-right-key' });
    expect(answer.result).toBe('invalid');
    expect(answer.message).toBe('fal refused the key (401: No user found for Key ID and Secret).');
    expect(checks(fake).map((request) => request.auth)).toEqual(['wrong']);
    expect(await call('falKey.test')).toMatchObject({ result: 'valid' });
  });

  it('says fal is unreachable when nothing answers', async () => {
    const port = await closedPort();
    const { call } = await rig({ engine: () => ({ falHostOverride: `http://127.0.0.1:${port}` }) });
    const answer = await call('falKey.test');
    expect(answer.result).toBe('unreachable');
    expect(answer.message).toMatch(/^fal could not be reached \(ECONNREFUSED\): check the network\.$/);
  });

  it('goes through the proxy saved in Settings, as jobs do', async () => {
    const { fake, call } = await rig({ engine: () => ({ falHostOverride: undefined, fetch: loopbackOnly }) });
    await call('settings.update', { falProxyUrl: fake.proxyUrl });
    expect(await call('falKey.test')).toMatchObject({ result: 'valid' });
    expect(checks(fake).map((request) => request.viaProxy)).toEqual([true]);
  });

  it('says there is nothing to test without a key', async () => {
    const { fake, call } = await rig({ key: null });
    expect(await call('falKey.test')).toEqual({ result: 'no_key', message: 'No fal key is set: type one to test it.' });
    expect(checks(fake)).toEqual([]);
  });
});
