/**
 * For state the engine's events do not cover (another process's store, the fake fal's own state, a child's output):
 * polls `check` until it returns something other than undefined, and resolves with it. Rejects after `timeoutMs`
 * with `what` and the last `describe()` in the message, so a stuck test says what it was waiting for and what it saw.
 */
export async function pollUntil<T>(
  check: () => T | undefined | Promise<T | undefined>,
  options: { timeoutMs?: number; intervalMs?: number; what: string; describe?: () => string | Promise<string> },
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const seen = options.describe ? ` Last seen: ${await options.describe()}` : '';
      throw new Error(`Timed out waiting for ${options.what}.${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
