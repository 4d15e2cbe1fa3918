import type { ServerResponse } from 'node:http';
import type { ApiErrorBody } from '../../shared/apiError';

/** Headers every answer carries: no sniffing, no referrer (the URL may hold the token), no framing. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Sends a JSON answer. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...BASE_SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/** Sends `{error: {code, message}}` with a status. */
export function sendError(response: ServerResponse, status: number, error: ApiErrorBody): void {
  sendJson(response, status, { error });
}

/**
 * The HTTP status for an error code: the caller's fault is 4xx (unknown verb 404, bad input 400, a path outside
 * what this server may touch 403, engine refusals 422, missing records 404), the host's own bugs 500.
 */
export function statusForErrorCode(code: string): number {
  if (code === 'invalid_input' || code === 'bad_json') return 400;
  if (code === 'path_not_allowed') return 403;
  if (code === 'unknown_verb' || code.endsWith('_not_found') || code === 'not_found') return 404;
  if (code === 'invalid_output' || code === 'internal') return 500;
  return 422;
}
