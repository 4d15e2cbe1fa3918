import type { RendererApi } from '../../../electron/shared';
import { ApiCallError } from '../../../electron/shared/apiCallError';
import { VERB_GROUPS } from '../../../electron/shared/contract/verbNames';
import { HTTP_ROUTES } from '../../../electron/shared/httpRoutes';
import type { EventStream } from './eventStreamTypes';

/** Headers proving the launch token when the page has it (else the HttpOnly cookie does). */
export function authHeaders(token: string | null): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/**
 * Turns a failed response into the ApiCallError every transport throws. The error body's schema (and zod) load on
 * the first failure, so the start-up bundle does without them.
 */
export async function errorFromResponse(response: Response): Promise<ApiCallError> {
  const body: unknown = await response.json().catch(() => null);
  const { ApiErrorBodySchema } = await import('../../../electron/shared/apiError');
  const parsed = ApiErrorBodySchema.safeParse((body as { error?: unknown } | null)?.error);
  if (parsed.success) return ApiCallError.fromBody(parsed.data);
  return new ApiCallError('http_error', `The server answered ${response.status} ${response.statusText}.`);
}

async function call(verb: string, input: unknown, token: string | null): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${HTTP_ROUTES.call}${verb}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...authHeaders(token), ...(input === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: input === undefined ? undefined : JSON.stringify(input),
    });
  } catch {
    throw new ApiCallError('server_unreachable', 'The Smart Resize server cannot be reached. Is it still running?');
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response.json();
}

/**
 * The renderer API over HTTP, built from the contract's verb names (checked against the contract when compiled)
 * so every verb exists with its wire name; events come from the WebSocket stream.
 */
export function createHttpApi(token: string | null, events: EventStream): RendererApi {
  const groups = Object.fromEntries(
    Object.entries(VERB_GROUPS).map(([group, names]) => [
      group,
      Object.fromEntries(names.map((name) => [name, (input?: unknown) => call(`${group}.${name}`, input, token)])),
    ]),
  );
  return { ...groups, onEvent: (listener) => events.subscribe(listener) } as RendererApi;
}
