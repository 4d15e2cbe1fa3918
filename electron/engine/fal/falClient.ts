import { createFalClient, type FalClient, type RequestMiddleware } from '@fal-ai/client';
import { SmartResizeError } from '../../domain/errors';
import { withFalCallTimeouts, type FalNetworkObserver } from './falCallFetch';
import { DEFAULT_FAL_CALL_TIMEOUTS, type FalCallTimeouts } from './falCallTimeouts';
import { callFal, type FalRoute } from './falDirectCall';
import { parseHttpUrl, rewriteFalUrl } from './falHosts';
import { findSubmittedRequest, type FoundRequest, type SubmitIdentity } from './falRequestHistory';
import { submitOnce } from './falSubmit';

/** The fal endpoint this app calls. */
export const SMART_RESIZE_ENDPOINT = 'fal-ai/smart-resize';

/** How to reach fal. `credentials` is the resolved key (see resolveFalKey); it is sent, never logged. */
export interface SmartResizeFalClientOptions {
  /** The fal key (`KEY` or `KEY_ID:KEY_SECRET`), resolved by the caller from settings or FAL_KEY. */
  readonly credentials: string;
  /**
   * Send every API call to this URL with header `x-fal-target-url` carrying the real fal URL (fal's server-proxy
   * protocol). Storage upload PUTs still go straight to the `upload_url` fal returned, as the client does.
   */
  readonly proxyUrl?: string;
  /**
   * Send calls for queue.fal.run, fal.run, rest.fal.ai and api.fal.ai to this origin instead, same paths
   * (`http://127.0.0.1:PORT` for the fake fal server, or a self-hosted gateway).
   */
  readonly hostOverride?: string;
  /** A fetch to use instead of the global one; it sees every call, upload PUTs included. */
  readonly fetch?: typeof fetch;
  /** Per-attempt timeouts of every call (defaults: DEFAULT_FAL_CALL_TIMEOUTS). */
  readonly callTimeouts?: Partial<FalCallTimeouts>;
  /** Told of failed connections as they happen (the online monitor). */
  readonly networkObserver?: FalNetworkObserver;
}

/** The calls the app makes itself instead of through the client, with the same routing, key and timeouts. */
interface FalDirectCalls {
  /** One smart-resize submit without the client's blind retry (see submitOnce); resolves with the request id. */
  submit(input: unknown): Promise<string>;
  /** The request a submit created, from fal's request history (see findSubmittedRequest). */
  findSubmitted(identity: Omit<SubmitIdentity, 'endpointId'>): Promise<FoundRequest | undefined>;
  /** One authenticated read that changes nothing and costs nothing (the request history, one item): is the key taken? */
  checkKey(): Promise<void>;
}

/** fal's client, plus the calls the app makes itself. */
export interface SmartResizeFalClient extends FalClient {
  readonly direct: FalDirectCalls;
}

/**
 * A fal client with explicit credentials and routing, independent of `fal.config()` globals and of FAL_KEY in
 * the environment (the client would otherwise read it by itself). Every call it makes has a timeout. One client per
 * configuration; cheap to make.
 */
export function createSmartResizeFalClient(options: SmartResizeFalClientOptions): SmartResizeFalClient {
  const credentials = options.credentials.trim();
  if (!credentials) {
    throw new SmartResizeError('fal_key_missing', 'No fal key is set: add one in Settings or set FAL_KEY.');
  }
  if (options.proxyUrl && options.hostOverride) {
    // The proxy would receive x-fal-target-url pointing at the override, which a fal proxy refuses (412).
    throw new SmartResizeError('invalid_proxy_url', 'Use either a fal proxy URL or a fal host override, not both.');
  }
  const proxy = options.proxyUrl ? parseHttpUrl(options.proxyUrl, 'The fal proxy URL') : undefined;
  const override = options.hostOverride ? parseHttpUrl(options.hostOverride, 'The fal host override') : undefined;
  const timeouts = { ...DEFAULT_FAL_CALL_TIMEOUTS, ...options.callTimeouts };
  // Resolved at call time, so a test's stubbed global fetch is still seen.
  const fetchWithTimeouts = withFalCallTimeouts((input, init) => (options.fetch ?? fetch)(input, init), timeouts, options.networkObserver);
  // Options are only set when present: the client merges them over its defaults, so an explicit `undefined`
  // requestMiddleware would replace the default pass-through and break every call.
  const client = createFalClient({
    // A function rather than a string so the key is not a plain property of the config object if it gets dumped.
    credentials: () => credentials,
    ...(override && { requestMiddleware: hostOverrideMiddleware(override) }),
    // The object form with when: 'always' is what makes the proxy apply outside a browser (a plain string does not).
    ...(proxy && { proxyUrl: { url: proxy.toString(), when: 'always' as const } }),
    fetch: fetchWithTimeouts,
  });
  const route: FalRoute = { credentials, hostOverride: override, proxy, fetch: fetchWithTimeouts };
  const direct: FalDirectCalls = {
    submit: (input) => submitOnce(route, SMART_RESIZE_ENDPOINT, input),
    findSubmitted: (identity) => findSubmittedRequest(route, { ...identity, endpointId: SMART_RESIZE_ENDPOINT }),
    checkKey: async () => {
      await callFal(route, { method: 'GET', url: `https://api.fal.ai/v1/models/requests/by-endpoint?endpoint_id=${SMART_RESIZE_ENDPOINT}&limit=1` });
    },
  };
  return Object.assign(client, { direct });
}

function hostOverrideMiddleware(override: URL): RequestMiddleware {
  return async (request) => ({ ...request, url: rewriteFalUrl(request.url, override) });
}
