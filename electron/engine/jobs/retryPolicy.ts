/** Retryable failures (429, 5xx, timeouts) get this many attempts before the job fails with the last reason. */
export const MAX_ATTEMPTS = 6;

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

/**
 * Delay before attempt `attempt + 1`: exponential with "full jitter" (a random point in [base/2, cap]) so many
 * jobs failing together do not come back together. Retries are persisted as `retry_scheduled(at)` and must
 * survive a restart, so an in-memory retry loop library does not fit here; this one formula is all that is needed.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt));
  return Math.round(cap / 2 + random() * (cap / 2));
}
