import { IPC_EVENT_CHANNEL, type ApiEventSource } from '../../shared';
import type { AppWindows } from '../windows/appWindows';

/** Pushes every API event to every live app window (hidden ones too, so a reopened window is current). */
export function broadcastEvents(source: ApiEventSource, windows: AppWindows): () => void {
  return source.subscribe((event) => {
    for (const window of windows.live()) {
      if (!window.webContents.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event);
    }
  });
}
