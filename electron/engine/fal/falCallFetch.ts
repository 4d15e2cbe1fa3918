import { falCallKind, falCallTimeoutMs, FalCallTimeoutError, type FalCallTimeouts } from './falCallTimeouts';

/**
 * Who hears about failed connections at once, on the first failed attempt, instead of after the client's own
 * retries (up to 31 s for a status poll): the online monitor.
 */
export interface FalNetworkObserver {
  /** The connection could not be made (refused, no DNS, no route): fal is unreachable from here. */
  readonly unreachable: () => void;
  /** A connection broke or a call timed out: may be the network, worth checking now. */
  readonly suspect: () => void;
}

/** Connection failures before anything was sent: nothing reached fal. */
export const NOT_CONNECTED_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT',
]);

/** The first `code` on an error's cause chain (undici wraps the socket's error in `TypeError: fetch failed`). */
export function errorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Wraps the fetch every fal call goes through (the client's and the app's own): each attempt gets its timeout, so
 * no call can hang on an open connection, and connection failures are reported to `observer` as they happen.
 */
export function withFalCallTimeouts(fetchImpl: typeof fetch, timeouts: FalCallTimeouts, observer?: FalNetworkObserver): typeof fetch {
  return async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init.method ?? (input instanceof Request ? input.method : 'GET');
    const kind = falCallKind(method, url, headerOf(init.headers, 'x-fal-target-url'));
    const timeoutMs = falCallTimeoutMs(kind, timeouts, bodySize(init.body));
    const timer = new AbortController();
    // Not cleared when the answer's headers arrive: the body is read after this returns, and must be bounded too.
    // Firing after the body was read does nothing; unref keeps it from holding the process open.
    setTimeout(() => timer.abort(new FalCallTimeoutError(kind, timeoutMs)), timeoutMs).unref();
    const signal = init.signal ? AbortSignal.any([init.signal, timer.signal]) : timer.signal;
    try {
      return await fetchImpl(input, { ...init, signal });
    } catch (error) {
      if (!init.signal?.aborted) report(error, observer);
      throw error;
    }
  };
}

function report(error: unknown, observer: FalNetworkObserver | undefined): void {
  if (!observer) return;
  const code = errorCode(error);
  if (code !== undefined && NOT_CONNECTED_CODES.has(code)) observer.unreachable();
  else observer.suspect();
}

function headerOf(headers: RequestInit['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  if (Array.isArray(headers)) return headers.find(([key]) => key?.toLowerCase() === name)?.[1];
  const entry = Object.entries(headers as Record<string, string>).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

function bodySize(body: RequestInit['body']): number {
  if (!body) return 0;
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof Blob) return body.size;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body.byteLength;
  return 0;
}
