import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { SmartResizeError } from '../../../electron/domain/errors';
import { registerOutputDrag } from '../../../electron/main/ipc/outputDrag';
import { AppWindows } from '../../../electron/main/windows/appWindows';
import { IPC_OUTPUT_DRAG_CHANNEL, type ApiHandlers } from '../../../electron/shared';
import { BrowserWindow, FakeFrame, FakeNativeImage, FakeWebContents, ipcMain } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const APP_URL = 'app://app/index.html';
const ICON = '/fake/app/resources/icon.png';
const SQUARE = '/work/photos-1080x1080/beach.png';
const WEBP = '/work/photos-300x250/beach.webp';
const GONE = '/work/photos-1200x628/beach.png';

let windows: AppWindows;
let appWindow: BrowserWindow;
let detail: ReturnType<typeof vi.fn>;
let warn: MockInstance<typeof console.warn>;
let unregister: () => void;

beforeEach(() => {
  windows = new AppWindows();
  appWindow = new BrowserWindow({});
  appWindow.webContents.mainFrame.url = `${APP_URL}#/history`;
  windows.add(appWindow as unknown as Electron.BrowserWindow);
  detail = vi.fn(async ({ id }: { id: string }) => {
    if (id !== 'job-1') throw new SmartResizeError('job_not_found', `There is no job ${id}.`);
    return { id, sourcePath: '/work/photos/beach.jpg', outputs: [SQUARE, WEBP, GONE].map((path) => ({ path })), missingOutputs: [GONE] };
  });
  FakeNativeImage.sizes.set(SQUARE, { width: 1080, height: 1080 });
  FakeNativeImage.sizes.set(ICON, { width: 512, height: 512 });
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  unregister = registerOutputDrag({ jobs: { detail } as unknown as Pick<ApiHandlers['jobs'], 'detail'>, iconPath: ICON }, { owns: (contents) => windows.owns(contents), appUrl: APP_URL });
});

afterEach(() => {
  unregister();
  warn.mockRestore();
  FakeNativeImage.sizes.clear();
});

/** Sends the drag message as the page's preload does (ipcRenderer.send), from a chosen sender and frame. */
function send(input: unknown, sender: FakeWebContents = appWindow.webContents, senderFrame: FakeFrame | null = sender.mainFrame): void {
  for (const listener of ipcMain.listeners.get(IPC_OUTPUT_DRAG_CHANNEL) ?? []) listener({ sender, senderFrame }, input);
}

const refusal = async (pattern: RegExp) => vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringMatching(pattern)));

/** Every refusal logged so far, as lines. */
const refusals = () => warn.mock.calls.map((call: unknown[]) => call[0]);

describe('dragging an output out of the window', () => {
  it('starts the system file drag for a recorded output, with the output itself as a small icon', async () => {
    send({ jobId: 'job-1', path: SQUARE });
    await vi.waitFor(() => expect(appWindow.webContents.startDrag).toHaveBeenCalledTimes(1));
    const [{ file, icon }] = appWindow.webContents.startDrag.mock.calls[0]!;
    expect(file).toBe(SQUARE);
    expect(icon).toMatchObject({ path: SQUARE });
    expect((icon as FakeNativeImage).getSize()).toEqual({ width: 96, height: 96 });
    expect(detail).toHaveBeenCalledWith({ id: 'job-1' });
  });

  it('shows the app icon for an output Electron cannot picture (WebP)', async () => {
    send({ jobId: 'job-1', path: WEBP });
    await vi.waitFor(() => expect(appWindow.webContents.startDrag).toHaveBeenCalledTimes(1));
    const [{ file, icon }] = appWindow.webContents.startDrag.mock.calls[0]!;
    expect(file).toBe(WEBP);
    expect(icon).toMatchObject({ path: ICON });
    expect((icon as FakeNativeImage).isEmpty()).toBe(false);
  });

  it('refuses any path the job did not record as an output: its source, another file, an output of no job', async () => {
    send({ jobId: 'job-1', path: '/work/photos/beach.jpg' });
    await refusal(/beach\.jpg is not an output of this job/);
    send({ jobId: 'job-1', path: '/home/me/.ssh/id_ed25519' });
    await refusal(/id_ed25519 is not an output of this job/);
    send({ jobId: 'job-2', path: SQUARE });
    await refusal(/There is no job job-2/);
    expect(refusals()).toEqual([
      'Refused an output drag: /work/photos/beach.jpg is not an output of this job.',
      'Refused an output drag: /home/me/.ssh/id_ed25519 is not an output of this job.',
      'Refused an output drag: There is no job job-2.',
    ]);
    expect(appWindow.webContents.startDrag).not.toHaveBeenCalled();
  });

  it('refuses an output that is no longer on disk', async () => {
    send({ jobId: 'job-1', path: GONE });
    await refusal(/was moved or deleted after the job wrote it/);
    expect(appWindow.webContents.startDrag).not.toHaveBeenCalled();
  });

  it('refuses a message of the wrong shape before looking anything up', async () => {
    for (const input of [undefined, 'x', { jobId: 'job-1' }, { jobId: 'job-1', path: SQUARE, extra: true }, { jobId: '', path: SQUARE }, { jobId: 'job-1', path: 'a\0b' }]) send(input);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(6));
    expect(warn).toHaveBeenCalledWith('Refused an output drag: the message is not a job id and an output path.');
    expect(detail).not.toHaveBeenCalled();
    expect(appWindow.webContents.startDrag).not.toHaveBeenCalled();
  });

  it('refuses a sender that is not the top frame of an app window showing the app', async () => {
    const stranger = new FakeWebContents(APP_URL);
    send({ jobId: 'job-1', path: SQUARE }, stranger);
    send({ jobId: 'job-1', path: SQUARE }, appWindow.webContents, new FakeFrame(APP_URL, appWindow.webContents.mainFrame));
    const elsewhere = new BrowserWindow({});
    windows.add(elsewhere as unknown as Electron.BrowserWindow);
    elsewhere.webContents.mainFrame.url = 'https://evil.example/';
    send({ jobId: 'job-1', path: SQUARE }, elsewhere.webContents);
    send({ jobId: 'job-1', path: SQUARE }, appWindow.webContents, null);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(4));
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      'Refused an output drag: the caller is not a window of this app.',
      'Refused an output drag: the caller is a subframe.',
      'Refused an output drag: the caller shows https://evil.example/, not the app.',
      'Refused an output drag: the calling frame no longer exists.',
    ]);
    expect(detail).not.toHaveBeenCalled();
    expect(stranger.startDrag).not.toHaveBeenCalled();
  });

  it('stops listening when unregistered', () => {
    unregister();
    expect(ipcMain.listeners.get(IPC_OUTPUT_DRAG_CHANNEL)).toEqual([]);
  });
});
