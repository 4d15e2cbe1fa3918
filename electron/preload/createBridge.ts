import {
  IPC_EVENT_CHANNEL,
  IPC_OUTPUT_DRAG_CHANNEL,
  ipcChannelFor,
  splitVerbName,
  VERB_NAMES,
  type ApiEvent,
  type ApiEventListener,
  type ElectronBridge,
  type OutputRef,
} from '../shared';

/** The parts of ipcRenderer the bridge uses; the bridge keeps it to itself and never hands it to the page. */
export interface IpcInvoker {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds `window.smartResize` from the contract's verb list: `api.group.verb(input)` invokes that verb's channel
 * and answers the host's CallResult as it is: an Error thrown across contextBridge would arrive with its message
 * only, so the page unwraps results itself (rendererApiFromBridge) and keeps codes and field issues.
 * `onEvent` hands the page only the event, never Electron's IPC event object. `pathForFile` turns a dropped
 * file or folder into its path on disk (what the page gives to `jobs.enqueuePaths`). `startOutputDrag` asks the
 * main process to drag an output out of the window as a file (one-way: the drag must start while the button is down).
 */
export function createBridge(ipc: IpcInvoker, getPathForFile: (file: Blob) => string): ElectronBridge {
  const groups: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const verb of VERB_NAMES) {
    const [group, name] = splitVerbName(verb);
    const channel = ipcChannelFor(verb);
    (groups[group] ??= {})[name] = (input?: unknown) => ipc.invoke(channel, input);
  }
  const bridge = {
    ...groups,
    host: 'electron' as const,
    onEvent(listener: ApiEventListener): () => void {
      const forward = (_event: unknown, payload: unknown) => listener(payload as ApiEvent);
      ipc.on(IPC_EVENT_CHANNEL, forward);
      return () => void ipc.removeListener(IPC_EVENT_CHANNEL, forward);
    },
    pathForFile: (file: Blob) => getPathForFile(file),
    startOutputDrag: (output: OutputRef) => ipc.send(IPC_OUTPUT_DRAG_CHANNEL, { jobId: output.jobId, path: output.path }),
  };
  // The verbs are added from the contract's own list, so the shape matches RendererApi by construction.
  return bridge as unknown as ElectronBridge;
}
