import type { ElectronBridge } from '../../../electron/shared';
import { browserHost } from './browserHost';
import type { Host } from './hostTypes';

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
