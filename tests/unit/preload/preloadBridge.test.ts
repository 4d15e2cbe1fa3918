import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { apiContract, ApiCallError, ipcChannelFor, IPC_EVENT_CHANNEL, IPC_OUTPUT_DRAG_CHANNEL, rendererApiFromBridge, VERB_NAMES, type ApiEvent, type ElectronBridge } from '../../../electron/shared';

// The preload as Electron would load it, with `electron` replaced: what reaches the page is what
// contextBridge.exposeInMainWorld receives.
const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  return {
    exposed,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
    invoke: vi.fn(async (_channel: string, _input?: unknown): Promise<unknown> => ({ ok: true, value: null })),
    getPathForFile: vi.fn((_file: unknown) => '/home/me/Drops/shoot'),
  };
});

const ipcRenderer = Object.assign(new EventEmitter(), { invoke: fake.invoke, send: vi.fn(), sendSync: vi.fn(), postMessage: vi.fn() });

vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer, webUtils: { getPathForFile: fake.getPathForFile } }));

let bridge: ElectronBridge;

beforeAll(async () => {
  await import('../../../electron/preload/index');
  bridge = fake.exposed.get('smartResize') as ElectronBridge;
});

/** Every value reachable from an object, functions included. */
function reachable(root: unknown, seen = new Set<unknown>()): unknown[] {
  if (root === null || (typeof root !== 'object' && typeof root !== 'function') || seen.has(root)) return [];
  seen.add(root);
  return [root, ...Object.values(root as object).flatMap((value) => reachable(value, seen))];
}

describe('preload bridge', () => {
  it('exposes one object, window.smartResize, and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['smartResize']);
  });

  it("has exactly the contract's groups and verbs, plus onEvent, host, pathForFile and startOutputDrag", () => {
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(apiContract), 'host', 'onEvent', 'pathForFile', 'startOutputDrag'].sort());
    const verbs = Object.keys(apiContract).flatMap((group) => Object.keys((bridge as unknown as Record<string, object>)[group]!).map((name) => `${group}.${name}`));
    expect(verbs.sort()).toEqual([...VERB_NAMES].sort());
    expect(bridge.host).toBe('electron');
  });

  it('sends an output drag on its own channel with only the job id and the path', () => {
    bridge.startOutputDrag({ jobId: 'j1', path: '/out/a.png', extra: 'dropped' } as unknown as { jobId: string; path: string });
    expect(ipcRenderer.send).toHaveBeenLastCalledWith(IPC_OUTPUT_DRAG_CHANNEL, { jobId: 'j1', path: '/out/a.png' });
  });

  it('never hands out ipcRenderer or any of its methods', () => {
    const values = reachable(bridge);
    expect(values).not.toContain(ipcRenderer);
    for (const method of [ipcRenderer.invoke, ipcRenderer.send, ipcRenderer.sendSync, ipcRenderer.on, ipcRenderer.postMessage]) {
      expect(values).not.toContain(method);
    }
  });

  it("invokes the verb's channel with the input and answers the host's CallResult as it is", async () => {
    fake.invoke.mockResolvedValueOnce({ ok: true, value: [{ id: 'p1' }] });
    await expect(bridge.profiles.list()).resolves.toEqual({ ok: true, value: [{ id: 'p1' }] });
    expect(fake.invoke).toHaveBeenLastCalledWith(ipcChannelFor('profiles.list'), undefined);
    fake.invoke.mockResolvedValueOnce({ ok: true, value: { jobIds: ['j1'], skipped: [] } });
    await bridge.jobs.enqueuePaths({ paths: ['/home/me/Drops/shoot'], profileId: 'p1' });
    expect(fake.invoke).toHaveBeenLastCalledWith('api:jobs.enqueuePaths', { paths: ['/home/me/Drops/shoot'], profileId: 'p1' });
  });

  it("lets the page unwrap a refusal into an ApiCallError with its code and field issues (errors crossing contextBridge lose them)", async () => {
    const api = rendererApiFromBridge(bridge);
    fake.invoke.mockResolvedValueOnce({ ok: true, value: [{ id: 'p1' }] });
    await expect(api.profiles.list()).resolves.toEqual([{ id: 'p1' }]);
    fake.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'invalid_input', message: 'Invalid input for profiles.get: id: An id is required.', issues: [{ path: 'id', message: 'An id is required.' }] } });
    const error = await api.profiles.get({ id: '' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'id', message: 'An id is required.' }] });
    fake.invoke.mockResolvedValueOnce('something else');
    await expect(api.queue.state()).rejects.toMatchObject({ code: 'internal' });
  });

  it('gives listeners the event alone and unsubscribes them', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.onEvent((...args) => received.push(args));
    const event: ApiEvent = { type: 'folder.changed', folder: { id: 'f1', status: 'watching', statusReason: null, counts: { waiting: 0, done: 1, failed: 0 } } };
    ipcRenderer.emit(IPC_EVENT_CHANNEL, { sender: ipcRenderer, ports: [] }, event);
    expect(received).toEqual([[event]]);
    unsubscribe();
    ipcRenderer.emit(IPC_EVENT_CHANNEL, { sender: ipcRenderer }, event);
    expect(received).toHaveLength(1);
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });

  it('turns a dropped file or folder into its path with webUtils', () => {
    const folder = { name: 'shoot', size: 0, type: '' } as unknown as Blob;
    expect(bridge.pathForFile(folder)).toBe('/home/me/Drops/shoot');
    expect(fake.getPathForFile).toHaveBeenCalledWith(folder);
  });
});
