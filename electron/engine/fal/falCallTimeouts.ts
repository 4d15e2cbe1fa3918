/**
 * How long one HTTP attempt of each kind of fal call may take (FAL.md: the client has no timeout of its own, so a
 * connection that stays open with no answer would hold its job until the HTTP library gives up, minutes later).
 */
export interface FalCallTimeouts {
  /** Status polls, submits, cancels, upload initiates, request-history look-ups: small JSON answers. */
  readonly apiMs: number;
  /** A result call: the output JSON (larger, and fal may take a moment to assemble it). */
  readonly resultMs: number;
  /** An upload PUT or an output download: this much plus the time for the bytes at a slow link's speed. */
  readonly transferBaseMs: number;
}

/** Production values. */
export const DEFAULT_FAL_CALL_TIMEOUTS: FalCallTimeouts = { apiMs: 20_000, resultMs: 60_000, transferBaseMs: 30_000 };

/** The upload speed a transfer timeout allows for: 64 KiB/s, a poor uplink (a 5 MB upload gets 30 s + 80 s). */
const SLOW_LINK_BYTES_PER_MS = 64;

/** What kind of fal call a URL and method are, for picking its timeout. */
export type FalCallKind = 'api' | 'result' | 'transfer';

/** A fal call that got no (complete) answer within its time. Named TimeoutError so the client never retries it. */
export class FalCallTimeoutError extends Error {
  override readonly name = 'TimeoutError';

  constructor(
    readonly kind: FalCallKind,
    readonly timeoutMs: number,
  ) {
    super(`fal did not answer within ${Math.round(timeoutMs / 1000)} s.`);
  }
}

/** True for a fal call given up by its timeout (not for a stop asked by the app). */
export function isFalCallTimeout(error: unknown): error is FalCallTimeoutError {
  return error instanceof FalCallTimeoutError;
}

/**
 * The kind of a call as sent (after host rewriting or proxying: a proxied call names its real target in
 * `x-fal-target-url`). A PUT other than a cancel is an upload; a GET of `.../requests/{id}` is a result.
 */
export function falCallKind(method: string, url: string, targetHeader: string | undefined): FalCallKind {
  const path = new URL(targetHeader ?? url).pathname;
  const verb = method.toUpperCase();
  if (verb === 'PUT' && !path.endsWith('/cancel')) return 'transfer';
  if (verb === 'GET' && /\/requests\/[^/]+$/.test(path) && !path.startsWith('/v1/')) return 'result';
  return 'api';
}

/** The timeout for one attempt of a call of this kind carrying `bodyBytes` bytes. */
export function falCallTimeoutMs(kind: FalCallKind, timeouts: FalCallTimeouts, bodyBytes = 0): number {
  if (kind === 'transfer') return timeouts.transferBaseMs + Math.ceil(bodyBytes / SLOW_LINK_BYTES_PER_MS);
  return kind === 'result' ? timeouts.resultMs : timeouts.apiMs;
}
