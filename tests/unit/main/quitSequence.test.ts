import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installQuitSequence } from '../../../electron/main/lifecycle/quitSequence';

/** An app whose quit() emits before-quit and "really quits" only when nobody prevents it. */
function fakeApp() {
  const app = Object.assign(new EventEmitter(), {
    quitCount: 0,
    exited: false,
    quit() {
      app.quitCount += 1;
      let prevented = false;
      app.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) app.exited = true;
    },
  });
  return app;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('installQuitSequence', () => {
  it('stops the engine once before quitting, however many quits are asked for', async () => {
    const app = fakeApp();
    let finish!: () => void;
    const shutdown = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const quit = installQuitSequence(app as never, shutdown);
    expect(quit.isQuitting()).toBe(false);
    app.quit();
    app.quit();
    expect(quit.isQuitting()).toBe(true);
    expect(app.exited).toBe(false);
    expect(shutdown).toHaveBeenCalledOnce();
    finish();
    await vi.waitFor(() => expect(app.exited).toBe(true));
    expect(shutdown).toHaveBeenCalledOnce();
  });

  it('still quits when shutting down fails or hangs', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = fakeApp();
    installQuitSequence(failing as never, async () => {
      throw new Error('database is locked');
    });
    failing.quit();
    await vi.waitFor(() => expect(failing.exited).toBe(true));

    vi.useFakeTimers();
    const hanging = fakeApp();
    installQuitSequence(hanging as never, () => new Promise<void>(() => undefined), 1_000);
    hanging.quit();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(hanging.exited).toBe(true);
  });
});
