import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

// A stand-in for the `electron` module (whose binary cannot run here), with just what the main process uses.
// Tests load it with `vi.mock('electron', () => import('./fakeElectron'))` and drive it like Electron would.

let nextContentsId = 1;
let nextFrameTreeNodeId = 1;

/** A frame as IPC reports it: `parent` is null for a top frame. */
export class FakeFrame {
  readonly frameTreeNodeId = nextFrameTreeNodeId++;

  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  readonly send = vi.fn();
  /** webContents.startDrag: the operating system's file drag, recorded. */
  readonly startDrag = vi.fn((_item: { file: string; icon: unknown }) => undefined);
  destroyed = false;

  constructor(url = 'about:blank') {
    super();
    this.mainFrame = new FakeFrame(url);
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Emits a cancellable navigation-style event and tells whether a listener prevented it. */
  emitCancellable(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });
  readonly show = vi.fn();
  readonly hide = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  destroyed = false;
  focused = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isFocused(): boolean {
    return this.focused;
  }

  /** Emits `close` as Electron does and tells whether a listener kept the window open. */
  requestClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    return prevented;
  }
}

type Invoke = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Invoke>(),
  handle(channel: string, handler: Invoke): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  listeners: new Map<string, Array<(event: unknown, ...args: unknown[]) => void>>(),
  /** ipcMain.on: electron-store registers its renderer-data listener with it. */
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
  },
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void {
    this.listeners.set(channel, (this.listeners.get(channel) ?? []).filter((existing) => existing !== listener));
  },
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
  showItemInFolder: vi.fn((_path: string) => undefined),
};

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
};

/** The app object: an emitter whose quit() emits before-quit and "exits" only when nobody prevents it. */
export const app = Object.assign(new EventEmitter(), {
  exited: false,
  setLoginItemSettings: vi.fn(),
  getLoginItemSettings: vi.fn(() => ({ openAtLogin: false, wasOpenedAtLogin: false })),
  getPath: vi.fn((_name: string) => '/fake/userData'),
  setPath: vi.fn(),
  getAppPath: vi.fn(() => '/fake/app'),
  getVersion: vi.fn(() => '0.1.0'),
  isPackaged: false,
  quit: vi.fn(() => {
    let prevented = false;
    app.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) app.exited = true;
  }),
});

/** The default session, recording what the main process installs on it. */
export const session = {
  defaultSession: {
    webRequest: { onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  },
};

/**
 * safeStorage with a keychain: reversible "encryption" that never contains its input.
 * @public The code under test imports it as `electron` through vi.mock, which knip cannot follow.
 */
export const safeStorage = {
  isAsyncEncryptionAvailable: vi.fn(async () => true),
  encryptStringAsync: vi.fn(async (text: string) => Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
  decryptStringAsync: vi.fn(async (bytes: Buffer) => ({ result: Buffer.from(bytes.map((byte) => byte ^ 0x5a)).toString('utf8'), shouldReEncrypt: false })),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  setUsePlainTextEncryption: vi.fn(),
};

export class Tray extends EventEmitter {
  static readonly created: Tray[] = [];
  tooltip = '';
  menu: { label?: string; type?: string; click?: () => void }[] = [];
  destroyed = false;

  constructor(readonly image: unknown) {
    super();
    Tray.created.push(this);
  }

  setToolTip(text: string): void {
    this.tooltip = text;
  }

  setContextMenu(menu: { items: Tray['menu'] }): void {
    this.menu = menu.items;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
  }
}

/** @public Imported as `electron` by the tray under test (through vi.mock). */
export const Menu = { buildFromTemplate: (items: unknown[]) => ({ items }) };

/** An image as nativeImage makes it: `sizes` says which paths "decode" and to what size; others are empty. */
export class FakeNativeImage {
  static readonly sizes = new Map<string, { width: number; height: number }>();

  constructor(
    readonly path: string,
    private readonly size = FakeNativeImage.sizes.get(path),
  ) {}

  isEmpty(): boolean {
    return this.size === undefined;
  }

  getSize(): { width: number; height: number } {
    return this.size ?? { width: 0, height: 0 };
  }

  resize(options: { width?: number; height?: number }): FakeNativeImage {
    const { width, height } = this.getSize();
    const scale = options.width !== undefined ? options.width / width : (options.height ?? height) / height;
    return new FakeNativeImage(this.path, { width: Math.round(width * scale), height: Math.round(height * scale) });
  }
}

/** @public Imported as `electron` by the tray and the output drag under test (through vi.mock). */
export const nativeImage = { createFromPath: (path: string) => new FakeNativeImage(path) };

export const net = { isOnline: vi.fn(() => true) };

export class Notification extends EventEmitter {
  static readonly shown: Notification[] = [];
  static readonly isSupported = vi.fn(() => true);

  constructor(readonly options: { title: string; body: string; icon?: string }) {
    super();
  }

  show(): void {
    Notification.shown.push(this);
  }
}

export const powerMonitor = new EventEmitter();

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

/** The protocol module: records privileged schemes and the handlers registered per scheme. */
export const protocol = {
  privileged: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  },
};

export default { BrowserWindow, ipcMain, shell, dialog, app, session, safeStorage, Tray, Menu, nativeImage, net, powerMonitor, Notification, protocol };
