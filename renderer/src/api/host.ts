import type { BrowseListing, ElectronBridge, RendererApi } from '../../../electron/shared';
import { BrowseListingSchema, HTTP_ROUTES, rendererApiFromBridge, TOKEN_QUERY } from '../../../electron/shared';
import { createEventStream } from './eventStream';
import type { ConnectionListener } from './eventStreamTypes';
import { authHeaders, createHttpApi } from './httpApi';
import { uploadFile } from './uploadFile';

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

function electronHost(bridge: ElectronBridge): Host {
  return {
    kind: 'electron',
    api: rendererApiFromBridge(bridge),
    filesToPaths: async (files) => {
      const paths = files.map((file) => bridge.pathForFile(file)).filter((path) => path.length > 0);
      const failures = files.length === paths.length ? [] : [{ name: 'Some items', message: 'have no path on disk.' }];
      return { paths, failures };
    },
    onConnectionChange: () => () => undefined,
  };
}

function browserHost(): Host {
  // The printed URL's token is traded for a cookie by the server; keep it if the page still has it.
  const token = new URLSearchParams(window.location.search).get(TOKEN_QUERY);
  const events = createEventStream(token);
  return {
    kind: 'browser',
    api: createHttpApi(token, events),
    filesToPaths: async (files) => {
      const paths: string[] = [];
      const failures: DropFailure[] = [];
      // Two at a time: enough to keep the pipe full without starving the page's own API calls.
      const queue = [...files];
      const worker = async () => {
        for (let file = queue.shift(); file; file = queue.shift()) {
          try {
            paths.push((await uploadFile(file, token)).path);
          } catch (error) {
            failures.push({ name: file.name, message: (error as Error).message });
          }
        }
      };
      await Promise.all([worker(), worker()]);
      return { paths, failures };
    },
    browseFolders: async (path) => {
      const query = path ? `?path=${encodeURIComponent(path)}` : '';
      const response = await fetch(`${HTTP_ROUTES.browse}${query}`, { headers: authHeaders(token), credentials: 'same-origin' });
      const body: unknown = await response.json();
      if (!response.ok) throw new Error((body as { error?: { message?: string } }).error?.message ?? 'Cannot list that folder.');
      return BrowseListingSchema.parse(body);
    },
    onConnectionChange: (listener) => events.onConnectionChange(listener),
  };
}

/** Picks the transport: Electron's preload bridge when present, else the headless server over HTTP/WebSocket. */
export function connectHost(): Host {
  return window.smartResize ? electronHost(window.smartResize) : browserHost();
}
