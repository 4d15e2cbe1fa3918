import type { FakeFalRoute } from './types';

/** The endpoint the fake serves, as its path on queue.fal.run. */
export const SMART_RESIZE_PATH = '/fal-ai/smart-resize';

/** A call recognised as one of fal's, or the answer for one that is not. */
export type RouteMatch =
  | { readonly route: FakeFalRoute; readonly requestId: string | undefined }
  | { readonly route: undefined; readonly status: number; readonly body: unknown };

const QUEUE_PATTERN = /^\/fal-ai\/smart-resize\/requests\/([\w-]+)(\/status|\/cancel)?$/;

/** Which host each fal route lives on (checked for proxied calls, whose x-fal-target-url names the host). */
const ROUTE_HOSTS: Partial<Record<FakeFalRoute, string>> = {
  initiate: 'rest.fal.ai',
  submit: 'queue.fal.run',
  status: 'queue.fal.run',
  result: 'queue.fal.run',
  cancel: 'queue.fal.run',
  history: 'api.fal.ai',
};

/** fal's Platform API path listing an endpoint's requests (FAL.md, "Request history"). */
const REQUEST_HISTORY_PATH = '/v1/models/requests/by-endpoint';

function identify(method: string, pathname: string): RouteMatch {
  const found = (route: FakeFalRoute, requestId?: string): RouteMatch => ({ route, requestId });
  const notAllowed: RouteMatch = { route: undefined, status: 405, body: { detail: 'Method Not Allowed' } };
  if (pathname === '/storage/upload/initiate') return method === 'POST' ? found('initiate') : notAllowed;
  if (pathname.startsWith('/upload/')) return method === 'PUT' ? found('upload') : notAllowed;
  if (pathname.startsWith('/files/')) return method === 'GET' ? found('download') : notAllowed;
  if (pathname === SMART_RESIZE_PATH) return method === 'POST' ? found('submit') : notAllowed;
  if (pathname === REQUEST_HISTORY_PATH) return method === 'GET' ? found('history') : notAllowed;
  const queue = QUEUE_PATTERN.exec(pathname);
  if (queue) {
    const [, requestId, suffix] = queue;
    if (suffix === '/status') return method === 'GET' ? found('status', requestId) : notAllowed;
    if (suffix === '/cancel') return method === 'PUT' ? found('cancel', requestId) : notAllowed;
    return method === 'GET' ? found('result', requestId) : notAllowed;
  }
  return { route: undefined, status: 404, body: { detail: 'Not Found' } };
}

/**
 * Routes a call by method and the URL it was meant for (the fake's own URL in host-rewrite form, the
 * x-fal-target-url in proxy form). Proxied calls must also name the right fal host; uploads and file downloads
 * are never proxied (the client sends them straight to the URLs fal returned).
 */
export function matchRoute(method: string, target: URL, viaProxy: boolean): RouteMatch {
  const match = identify(method, target.pathname);
  if (!viaProxy || match.route === undefined) return match;
  const host = ROUTE_HOSTS[match.route];
  if (host === undefined || host !== target.hostname) {
    return { route: undefined, status: 404, body: { detail: `The fake fal server has no ${method} ${target.href}` } };
  }
  return match;
}
