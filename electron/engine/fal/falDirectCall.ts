import { ApiError, ValidationError } from '@fal-ai/client';
import { rewriteFalUrl } from './falHosts';

/** Where and as whom the app's own fal calls go: the same routing the client is given. */
export interface FalRoute {
  readonly credentials: string;
  readonly hostOverride?: URL;
  readonly proxy?: URL;
  /** Already wrapped with the call timeouts (see withFalCallTimeouts). */
  readonly fetch: typeof fetch;
}

/** One call the app makes itself. */
export interface FalDirectRequest {
  readonly method: 'GET' | 'POST';
  /** The URL on fal (`https://queue.fal.run/...`, `https://api.fal.ai/...`); routed like the client's calls. */
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const TARGET_URL_HEADER = 'x-fal-target-url';
const REQUEST_ID_HEADER = 'x-fal-request-id';

/**
 * Sends one fal API call in @fal-ai/client 1.10's wire format (its `dispatchRequest`: `Authorization: Key`, JSON in
 * and out, host rewrite or `x-fal-target-url` to a proxy) but exactly once: no retry of its own. Errors are the
 * client's: `ValidationError` for a 422, `ApiError` for other non-2xx answers (status, body, requestId).
 */
export async function callFal<T>(route: FalRoute, request: FalDirectRequest): Promise<T> {
  const headers: Record<string, string> = {
    Authorization: `Key ${route.credentials}`,
    Accept: 'application/json',
    'Content-Type': 'application/json',
    ...request.headers,
  };
  let url = request.url;
  if (route.hostOverride) url = rewriteFalUrl(url, route.hostOverride);
  else if (route.proxy) {
    headers[TARGET_URL_HEADER] = url;
    url = route.proxy.toString();
  }
  const response = await route.fetch(url, {
    method: request.method,
    headers,
    body: request.method === 'GET' || request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  return readAnswer<T>(response);
}

async function readAnswer<T>(response: Response): Promise<T> {
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  const body: unknown = isJson ? await response.json() : await response.text();
  if (response.ok) return body as T;
  const args = {
    message: (isJson && typeof (body as { message?: unknown }).message === 'string' ? (body as { message: string }).message : '') || response.statusText,
    status: response.status,
    body,
    requestId: response.headers.get(REQUEST_ID_HEADER) ?? undefined,
  };
  throw response.status === 422 && isJson ? new ValidationError(args) : new ApiError(args);
}
