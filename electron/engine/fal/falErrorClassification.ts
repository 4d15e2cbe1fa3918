import { ApiError } from '@fal-ai/client';
import { isFalCallTimeout } from './falCallTimeouts';

/**
 * What a failure of a fal call means for the job (ARCHITECTURE.md, "Errors"):
 * - offline: the network or fal's host is unreachable; the job waits and no attempt is counted;
 * - retryable: 429, 5xx, request timeouts, a call fal left unanswered; back off and try again (fal does not bill 5xx);
 * - auth: 401/403 (bad key, "User is locked", no credit); the whole queue pauses with the reason shown;
 * - rejected: 422 and other 4xx; the job fails with fal's own reason text;
 * - aborted: we stopped waiting on purpose (cancel, shutdown).
 */
type FalFailureKind = 'offline' | 'retryable' | 'auth' | 'rejected' | 'aborted';

/** A classified failure: its kind, fal's HTTP status if any, and a message fit for a person. */
export interface FalFailure {
  readonly kind: FalFailureKind;
  readonly status?: number;
  /** fal's error type where it gave one (`content_policy_violation`, `image_too_large`, `runner_*`, ...). */
  readonly type?: string;
  readonly message: string;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE',
  'ECONNABORTED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
]);

/** Sorts any error thrown by @fal-ai/client (or fetch) into what the scheduler should do with the job. */
export function classifyFalError(error: unknown): FalFailure {
  // Named TimeoutError (so the client does not retry it), but it is fal's silence, not a stop of ours.
  if (isFalCallTimeout(error)) return { kind: 'retryable', message: error.message };
  if (isAbort(error)) return { kind: 'aborted', message: 'Stopped waiting for fal.' };
  if (error instanceof ApiError) return classifyApiError(error);
  const code = networkCode(error);
  if (code !== undefined) return { kind: 'offline', message: `fal is unreachable (${code}).` };
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return { kind: 'offline', message: 'fal is unreachable.' };
  return { kind: 'retryable', message: error instanceof Error ? error.message : String(error) };
}

function classifyApiError(error: ApiError<unknown>): FalFailure {
  const { status } = error;
  const reason = falReasonText(error.body) ?? error.message;
  const type = falErrorType(error.body);
  if (status === 401 || status === 403) {
    return { kind: 'auth', status, type, message: `fal refused the key (HTTP ${status}): ${reason}` };
  }
  if (status === 429 || status === 408 || status >= 500) {
    return { kind: 'retryable', status, type, message: `fal is busy or failed (HTTP ${status}): ${reason}` };
  }
  return { kind: 'rejected', status, type, message: reason };
}

/**
 * fal puts the reason in `body.detail`: a string, or a list of `{loc, msg, type}`. `err.message` alone is usually
 * only the HTTP reason phrase ("Unprocessable Entity"), which tells a user nothing.
 */
export function falReasonText(body: unknown): string | undefined {
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  if (typeof detail === 'string' && detail.trim()) return detail.trim();
  if (Array.isArray(detail)) {
    const parts = detail
      .map((item) => {
        const entry = item as { msg?: unknown; type?: unknown };
        const message = typeof entry.msg === 'string' ? entry.msg : undefined;
        const type = typeof entry.type === 'string' ? entry.type : undefined;
        if (message && type) return `${message} (${type})`;
        return message ?? type;
      })
      .filter((part): part is string => Boolean(part));
    if (parts.length > 0) return parts.join('; ');
  }
  return undefined;
}

function falErrorType(body: unknown): string | undefined {
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  if (Array.isArray(detail)) {
    const type = (detail[0] as { type?: unknown } | undefined)?.type;
    return typeof type === 'string' ? type : undefined;
  }
  return undefined;
}

function networkCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isAbort(error: unknown): boolean {
  const name = (error as { name?: unknown } | undefined)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}
