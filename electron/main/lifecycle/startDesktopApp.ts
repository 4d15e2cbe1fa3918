import { app, protocol, safeStorage, session, type WebContents } from 'electron';
import { Engine, type EngineOptions } from '../../engine/runtime/engine';
import { createEventHub } from '../../shared';
import { preloadPath, rendererDir, rendererEntryUrl, resourcePath } from '../appPaths';
import { electronHostServices } from '../host/electronHostServices';
import { openElectronStoreJsonFile } from '../host/electronStoreJsonFile';
import { watchHostSignals } from '../host/hostSignals';
import { applyStartAtLogin, startedAtLogin } from '../host/loginItem';
import { SafeStorageKeyStore } from '../host/safeStorageKeyStore';
import { broadcastEvents } from '../ipc/broadcastEvents';
import { registerOutputDrag } from '../ipc/outputDrag';
import { registerApiHandlers } from '../ipc/registerApiHandlers';
import { startDesktopNotifier } from '../notifications/desktopNotifier';
import { APP_ENTRY_URL } from '../protocol/appScheme';
import { serveRendererProtocol } from '../protocol/serveRenderer';
import { installSessionPolicy } from '../security/sessionPolicy';
import { AppTray } from '../tray/appTray';
import { AppWindows } from '../windows/appWindows';
import { createMainWindow } from '../windows/createMainWindow';
import { keepInTrayOnClose } from '../windows/keepInTrayOnClose';
import { installQuitSequence } from './quitSequence';

/** Where the desktop app keeps its data and where its bundle lives. */
export interface DesktopAppOptions {
  readonly dataDir: string;
  /** The folder of the built main process (out/main): the preload and renderer are found from it. */
  readonly mainDir: string;
  /** More engine options, as the headless host takes them (tests point fal and its probe at a fake). */
  readonly engine?: Omit<EngineOptions, 'dataDir' | 'keyStore' | 'jsonFiles'>;
}

/**
 * The Electron host's composition root, run once the app is ready: the engine with a safeStorage key store and
 * electron-store for settings and profiles, the
 * contract bound to IPC behind the sender check, events pushed to the windows, the tray, notifications, network
 * and power signals, and a quit that stops the engine cleanly. Mirrors startHeadlessServer, with IPC for HTTP.
 */
export async function startDesktopApp(options: DesktopAppOptions): Promise<void> {
  const appUrl = rendererEntryUrl(app);
  installSessionPolicy(session.defaultSession, { appUrl, mode: appUrl === APP_ENTRY_URL ? 'production' : 'development' });
  // The built renderer is served on the app scheme (path traversal refused there), never from file:.
  const stopServingRenderer = serveRendererProtocol(protocol, rendererDir(options.mainDir));

  const keyStore = await SafeStorageKeyStore.open({ dataDir: options.dataDir, safeStorage });
  // The detection models load at start, so the first job does not wait on them.
  const engine = new Engine({ warmDetector: true, ...options.engine, dataDir: options.dataDir, keyStore, jsonFiles: openElectronStoreJsonFile });
  // Undone in reverse order on quit: the UI side first, the engine and the key's last write at the end.
  const cleanup: Array<() => unknown> = [() => keyStore.flush(), () => engine.stop(), stopServingRenderer];
  const quit = installQuitSequence(app, async () => {
    for (const step of cleanup.reverse()) await step();
  });

  const windows = new AppWindows();
  const hub = createEventHub();
  cleanup.push(engine.bridgeEvents((event) => hub.emit(event)));
  // The same handlers serve the page (IPC), the output drag and the tray.
  const handlers = engine.api(electronHostServices({ keyStore, parentWindow: () => windows.main() }));
  // Handlers first: the page calls the API as soon as it loads.
  const callers = { owns: (contents: WebContents) => windows.owns(contents), appUrl };
  cleanup.push(registerApiHandlers(handlers, callers));
  cleanup.push(registerOutputDrag({ jobs: handlers.jobs, iconPath: resourcePath(app, 'icon.png') }, callers));
  cleanup.push(broadcastEvents(hub, windows));
  await engine.start();
  cleanup.push(watchHostSignals((kind) => engine.hostSignal(kind)));

  const openWindow = () => {
    const existing = windows.main();
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return;
    }
    const window = createMainWindow(windows, { appUrl, preloadPath: preloadPath(options.mainDir), iconPath: resourcePath(app, 'icon.png') });
    keepInTrayOnClose(window, { closeToTray: () => engine.settingsNow().closeToTray, isQuitting: () => quit.isQuitting() });
  };

  const tray = new AppTray(resourcePath(app, process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'), {
    pause: () => void handlers.queue.pause().catch(() => undefined),
    resume: () => void handlers.queue.resume().catch(() => undefined),
    openWindow,
    quit: () => app.quit(),
  });
  cleanup.push(() => tray.destroy());
  const initial = await handlers.queue.state();
  tray.update(initial, initial.counts);
  cleanup.push(hub.subscribe((event) => event.type === 'queue.changed' && tray.update(event.queue, event.queue.counts)));
  cleanup.push(startDesktopNotifier(hub, { openWindow, iconPath: resourcePath(app, 'icon.png') }));

  applyStartAtLogin(app, engine.settingsNow().startAtLogin);
  app.on('second-instance', openWindow);
  app.on('activate', openWindow);
  // Without close-to-tray, closing the last window ends the app (hot folders stop with it).
  app.on('window-all-closed', () => {
    if (!engine.settingsNow().closeToTray) app.quit();
  });

  if (!startedAtLogin(app, process.argv)) openWindow();
}
