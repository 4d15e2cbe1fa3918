import type { BrowseListing, ElectronBridge, RendererApi } from '../../../electron/shared';
import { browserHost } from './browserHost';
import type { ConnectionListener } from './eventStreamTypes';

/** A dropped file that could not be handed to the host. */
export interface DropFailure {
  name: string;
  message: string;
}

/** Everything the UI needs from whichever host it runs in. */
export interface Host {
  kind: 'electron' | 'browser';
  api: RendererApi;
  /** Paths on the host's disk for dropped files: the preload knows them; a browser uploads the files first. */
  filesToPaths(files: File[]): Promise<{ paths: string[]; failures: DropFailure[] }>;
  /** The server-side folder browser (browser only; Electron uses the native dialog verb). */
  browseFolders?: (path?: string) => Promise<BrowseListing>;
  onConnectionChange(listener: ConnectionListener): () => void;
}

declare global {
  interface Window {
    /** Exposed by Electron's preload; absent in a browser. */
    smartResize?: ElectronBridge;
  }
}

/**
 * Picks the transport: Electron's preload bridge when present (its code loads first), else the headless server
 * over HTTP/WebSocket, ready at once so the page's first calls can go out before the rest of the bundle runs.
 */
export function connectHost(): Host | Promise<Host> {
  const bridge = window.smartResize;
  return bridge ? import('./electronHost').then(({ electronHost }) => electronHost(bridge)) : browserHost();
}
