import { net, powerMonitor } from 'electron';

/** The host signals the engine listens to. */
export type HostSignal = 'online' | 'offline' | 'resume';

/** How often the OS network state is looked at. Cheap (no traffic); the engine's own probe confirms fal is up. */
const NETWORK_POLL_MS = 5_000;

/**
 * Feeds the engine what only Electron knows: the OS network state (`net.isOnline()`, polled, since Electron has
 * no change event in the main process) and wake from sleep (`powerMonitor` 'resume', which also rescans the hot
 * folders). Only changes are sent. Returns a function that stops watching.
 */
export function watchHostSignals(signal: (kind: HostSignal) => void, pollMs = NETWORK_POLL_MS): () => void {
  let online = net.isOnline();
  if (!online) signal('offline');
  const timer = setInterval(() => {
    const now = net.isOnline();
    if (now === online) return;
    online = now;
    signal(now ? 'online' : 'offline');
  }, pollMs);
  const onResume = () => signal('resume');
  powerMonitor.on('resume', onResume);
  return () => {
    clearInterval(timer);
    powerMonitor.off('resume', onResume);
  };
}
