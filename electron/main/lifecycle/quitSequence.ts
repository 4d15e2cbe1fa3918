import type { App } from 'electron';
import { describeError } from '../../domain/errors';

/** Longest a clean shutdown may take before the app quits anyway (a stuck job must not keep a zombie app alive). */
const SHUTDOWN_LIMIT_MS = 10_000;

/**
 * Makes every quit (tray, menu, OS logout) stop the engine cleanly first: the first `before-quit` is held back,
 * `shutdown` runs once, then the quit goes ahead. Answers whether a quit has begun, which windows use to close for
 * real instead of hiding in the tray.
 */
export function installQuitSequence(app: Pick<App, 'on' | 'quit'>, shutdown: () => Promise<void>, limitMs = SHUTDOWN_LIMIT_MS): { isQuitting(): boolean } {
  let phase: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (phase === 'stopped') return;
    event.preventDefault();
    if (phase === 'stopping') return;
    phase = 'stopping';
    let limit: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      limit = setTimeout(() => {
        console.error(`Shutting down took over ${limitMs} ms; quitting anyway.`);
        resolve();
      }, limitMs);
    });
    void Promise.race([shutdown(), timedOut])
      .catch((error: unknown) => console.error(`The engine did not stop cleanly: ${describeError(error)}`))
      .finally(() => {
        clearTimeout(limit);
        phase = 'stopped';
        app.quit();
      });
  });
  return { isQuitting: () => phase !== 'running' };
}
