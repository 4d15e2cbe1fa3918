import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOB_STATES } from '../../../electron/domain/jobStates';
import { ipcChannelFor, VERB_NAMES, type ApiHandlers, type CallResult, type QueueState, type VerbName } from '../../../electron/shared';
import { FORBIDDEN_SENDER, registerApiHandlers } from '../../../electron/main/ipc/registerApiHandlers';
import { AppWindows } from '../../../electron/main/windows/appWindows';
import { BrowserWindow, FakeFrame, FakeWebContents, ipcMain } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const APP_URL = 'app://app/index.html';

const queue: QueueState = {
  state: 'running',
  pauseCause: null,
  reason: null,
  online: true,
  counts: Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as QueueState['counts'],
  batch: null,
};

let windows: AppWindows;
let appWindow: BrowserWindow;
let handlers: { queue: { state: ReturnType<typeof vi.fn> }; profiles: { get: ReturnType<typeof vi.fn> } };
let unregister: () => void;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  windows = new AppWindows();
  appWindow = new BrowserWindow({});
  appWindow.webContents.mainFrame.url = `${APP_URL}#/queue`;
  windows.add(appWindow as unknown as Electron.BrowserWindow);
  handlers = { queue: { state: vi.fn(async () => queue) }, profiles: { get: vi.fn(async () => ({})) } };
  unregister = registerApiHandlers(handlers as unknown as ApiHandlers, { owns: (contents) => windows.owns(contents), appUrl: APP_URL });
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  unregister();
  warn.mockRestore();
});

/** Calls a verb's channel the way ipcMain would, from the given contents and frame. */
async function invoke(verb: VerbName, from: { sender: FakeWebContents; senderFrame: FakeFrame | null }, input?: unknown): Promise<CallResult> {
  const handler = ipcMain.handlers.get(ipcChannelFor(verb));
  if (!handler) throw new Error(`no handler for ${verb}`);
  return (await handler(from, input)) as CallResult;
}

const fromAppWindow = () => ({ sender: appWindow.webContents, senderFrame: appWindow.webContents.mainFrame });

describe('registerApiHandlers', () => {
  it('binds exactly one channel per contract verb', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(VERB_NAMES.map((verb) => ipcChannelFor(verb)).sort());
    // Registering again (a reopened app) replaces rather than throws.
    expect(() => registerApiHandlers(handlers as unknown as ApiHandlers, { owns: () => false, appUrl: APP_URL })).not.toThrow();
  });

  it("answers the app window's top frame showing the app", async () => {
    const result = await invoke('queue.state', fromAppWindow());
    expect(result).toEqual({ ok: true, value: queue });
    expect(handlers.queue.state).toHaveBeenCalledOnce();
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuses web contents that are not a window of this app, and logs it', async () => {
    const foreign = new FakeWebContents(APP_URL);
    const result = await invoke('queue.state', { sender: foreign, senderFrame: foreign.mainFrame });
    expect(result).toMatchObject({ ok: false, error: { code: FORBIDDEN_SENDER } });
    expect(handlers.queue.state).not.toHaveBeenCalled();
    expect(String(warn.mock.calls[0]?.[0])).toContain('not a window of this app');
  });

  it('refuses a subframe of the app window', async () => {
    const iframe = new FakeFrame(APP_URL, appWindow.webContents.mainFrame);
    const result = await invoke('queue.state', { sender: appWindow.webContents, senderFrame: iframe });
    expect(result).toMatchObject({ ok: false, error: { code: FORBIDDEN_SENDER } });
    expect(String(warn.mock.calls[0]?.[0])).toContain('subframe');
    // A parentless frame that is not the window's main frame (a fenced frame reports no parent) is refused too.
    const detached = new FakeFrame(APP_URL);
    expect(await invoke('queue.state', { sender: appWindow.webContents, senderFrame: detached })).toMatchObject({ ok: false, error: { code: FORBIDDEN_SENDER } });
    expect(handlers.queue.state).not.toHaveBeenCalled();
  });

  it('refuses the app window when it shows another URL', async () => {
    for (const url of ['https://evil.example/index.html', 'file:///tmp/index.html', 'not a url']) {
      appWindow.webContents.mainFrame.url = url;
      const result = await invoke('queue.state', fromAppWindow());
      expect(result).toMatchObject({ ok: false, error: { code: FORBIDDEN_SENDER } });
    }
    expect(handlers.queue.state).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(3);
    // The log names the page without its query string.
    expect(String(warn.mock.calls[0]?.[0])).toContain('https://evil.example/index.html');
  });

  it('refuses a call whose frame is gone, and windows once they are closed', async () => {
    expect(await invoke('queue.state', { sender: appWindow.webContents, senderFrame: null })).toMatchObject({ ok: false });
    appWindow.emit('closed');
    expect(await invoke('queue.state', fromAppWindow())).toMatchObject({ ok: false, error: { code: FORBIDDEN_SENDER } });
    expect(handlers.queue.state).not.toHaveBeenCalled();
  });

  it('validates arguments before any handler runs', async () => {
    const result = await invoke('profiles.get', fromAppWindow(), { id: 5, extra: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((issue) => issue.path)).toContain('id');
    expect(handlers.profiles.get).not.toHaveBeenCalled();
  });

  it('removes its handlers when unregistered', () => {
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
