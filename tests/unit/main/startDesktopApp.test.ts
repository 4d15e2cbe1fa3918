import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { SubjectDetector } from '../../../electron/engine/composition/detection';
import { ipcChannelFor, IPC_EVENT_CHANNEL, IPC_OUTPUT_DRAG_CHANNEL, type CallResult, type JobPage, type Profile, type QueueState, type VerbName } from '../../../electron/shared';
import { startDesktopApp } from '../../../electron/main/lifecycle/startDesktopApp';
import { SETTINGS_MIGRATIONS } from '../../../electron/engine/settings/settingsMigrations';
import { writeTestJpeg } from '../../support/engine/testImages';
import { app, BrowserWindow, ipcMain, protocol, session, Tray } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

// The whole Electron host wired to a real engine in a temp data folder, with only `electron` faked: what the
// product does between "ready" and "quit", minus the pixels on screen.
let root: string;
let window: BrowserWindow;
const detector = new SubjectDetector();
let warmUp: MockInstance;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sr-desktop-'));
  // fal's reachability probe answers from here, so the test never touches the network.
  const fetchStub = vi.fn(async () => new Response(null, { status: 204 }));
  // The real detector, watched: the host loads its models at start, off the first job's path.
  warmUp = vi.spyOn(detector, 'warmUp');
  await startDesktopApp({ dataDir: join(root, 'data'), mainDir: '/opt/smart-resize/out/main', engine: { fetch: fetchStub as unknown as typeof fetch, detector } });
  window = BrowserWindow.created.at(-1)!;
});

afterAll(async () => {
  if (!app.exited) app.quit();
  await vi.waitFor(() => expect(app.exited).toBe(true), { timeout: 15_000 });
  await rm(root, { recursive: true, force: true });
});

async function call(verb: VerbName, input?: unknown): Promise<CallResult> {
  const handler = ipcMain.handlers.get(ipcChannelFor(verb))!;
  return (await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, input)) as CallResult;
}

describe('startDesktopApp', () => {
  it('opens one hardened window on the built renderer with the preload, and secures the session', () => {
    expect(BrowserWindow.created).toHaveLength(1);
    expect(window.loadURL).toHaveBeenCalledWith('app://app/index.html');
    expect(protocol.handlers.has('app')).toBe(true);
    expect(window.options['webPreferences']).toMatchObject({ preload: '/opt/smart-resize/out/preload/index.cjs', sandbox: true, contextIsolation: true });
    expect(session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalledOnce();
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
  });

  it("loads the detection models at start, before any job", () => {
    expect(warmUp).toHaveBeenCalledOnce();
  });

  it('answers the window over IPC from the real engine', async () => {
    const state = await call('queue.state');
    expect(state.ok).toBe(true);
    expect((state as { value: QueueState }).value.state).toBe('running');
    const keyStatus = await call('falKey.status');
    expect(keyStatus).toEqual({ ok: true, value: { configured: false, storage: 'none' } });
  });

  it('shows the queue in the tray and pauses it from there', async () => {
    const tray = Tray.created.at(-1)!;
    expect(tray.menu[0]!.label).toBe('Running · 0 waiting');
    tray.menu.find((item) => item.label === 'Pause')!.click!();
    await vi.waitFor(() => expect(tray.menu[0]!.label).toBe('Paused · 0 waiting'));
    tray.menu.find((item) => item.label === 'Resume')!.click!();
    await vi.waitFor(() => expect(tray.menu[0]!.label).toBe('Running · 0 waiting'));
  });

  it('queues a dropped folder through jobs.enqueuePaths and pushes the job to the window', async () => {
    const profiles = (await call('profiles.list')) as { ok: true; value: Profile[] };
    const profile = profiles.value[0]!;
    const dropped = join(root, 'Shoot');
    await mkdir(dropped);
    await writeTestJpeg(join(dropped, 'hero.jpg'), 1, 320, 240);
    await writeTestJpeg(join(dropped, 'detail.jpg'), 2, 320, 240);
    const queued = await call('jobs.enqueuePaths', { paths: [dropped], profileId: profile.id });
    expect(queued).toMatchObject({ ok: true, value: { skipped: [] } });
    expect((queued as { value: { jobIds: string[] } }).value.jobIds).toHaveLength(2);
    await vi.waitFor(() =>
      expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, expect.objectContaining({ type: 'job.changed' })),
    );
  });

  it('drags a finished output out of the window as a file, and refuses the source', async () => {
    const done = await vi.waitFor(
      async () => {
        const page = (await call('jobs.query', { limit: 10 })) as { ok: true; value: JobPage };
        const job = page.value.items.find((item) => item.state === 'done' && item.outputs.length > 0);
        if (!job) throw new Error('no finished job yet');
        return job;
      },
      { timeout: 30_000, interval: 100 },
    );
    const send = (input: unknown) => ipcMain.listeners.get(IPC_OUTPUT_DRAG_CHANNEL)!.forEach((listener) => listener({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, input));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    send({ jobId: done.id, path: done.sourcePath });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(`Refused an output drag: ${done.sourcePath} is not an output of this job.`));
    warn.mockRestore();
    send({ jobId: done.id, path: done.outputs[0]!.path });
    await vi.waitFor(() => expect(window.webContents.startDrag).toHaveBeenCalledTimes(1));
    expect(window.webContents.startDrag.mock.calls[0]![0].file).toBe(done.outputs[0]!.path);
  });

  it('keeps its settings with electron-store, in the format the headless host reads', async () => {
    expect((await call('settings.update', { concurrency: 3 })).ok).toBe(true);
    const file = JSON.parse(await readFile(join(root, 'data', 'settings.json'), 'utf8'));
    expect(file).toMatchObject({ concurrency: 3, __internal__: { migrations: { version: `${SETTINGS_MIGRATIONS.length}.0.0` } } });
    expect(ipcMain.listeners.has('electron-store-get-data')).toBe(true);
  });

  it('hides the window on close (close to tray is on by default) and stops the engine cleanly on quit', async () => {
    expect(window.requestClose()).toBe(true);
    expect(window.hide).toHaveBeenCalled();
    app.quit();
    await vi.waitFor(() => expect(app.exited).toBe(true), { timeout: 15_000 });
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.listeners.get(IPC_OUTPUT_DRAG_CHANNEL)).toEqual([]);
    expect(Tray.created.at(-1)!.destroyed).toBe(true);
    // Quitting lets the window close for real.
    expect(window.requestClose()).toBe(false);
  });
});
