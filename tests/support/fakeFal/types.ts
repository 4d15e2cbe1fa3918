/** The calls the fake answers, named after what they are on fal. */
export type FakeFalRoute = 'initiate' | 'upload' | 'submit' | 'status' | 'result' | 'cancel' | 'download' | 'history';

/** Every route that carries `Authorization: Key ...` (all but the upload PUT and the public CDN downloads). */
export const AUTHED_ROUTES: readonly FakeFalRoute[] = ['initiate', 'submit', 'status', 'result', 'cancel', 'history'];

/** Options of `startFakeFal`. Every field has a default; latency fields can be changed later with `configure`. */
export interface FakeFalOptions {
  /** The one key accepted in `Authorization: Key <key>`. Default `'fake-fal-key'`. */
  readonly key?: string;
  /** Port on 127.0.0.1; default 0 (a free one). `stop()`/`start()` keep whichever port was bound. */
  readonly port?: number;
  /** Path that receives proxied calls carrying `x-fal-target-url`. Default `'/api/fal/proxy'`. */
  readonly proxyPath?: string;
  /**
   * Where input schema errors surface. `'result'` (default): fal's queue accepts any JSON and the app's runner
   * rejects it, so the request COMPLETEs and the result call answers 422. `'submit'`: the submit answers 422.
   */
  readonly validateAt?: 'result' | 'submit';
  /**
   * `'resize'` (default): outputs are the uploaded image cover-resized and center-cropped to each target.
   * `'flat'`: a flat colour image of the exact size, much cheaper (benchmarks, where the fake shares the CPU).
   * `'recompose'`: the whole uploaded image fitted into the covering preset over a blurred extension of itself (a
   * stand-in for fal's regeneration), then center-cropped to the target: where the subject lands can be checked.
   */
  readonly renderMode?: 'resize' | 'flat' | 'recompose';
  /**
   * true: every request makes new pixels, as fal's regeneration does (a re-run of the same source and size gives a
   * different file: each request after the first is tinted a little more). Default false: the same source and size
   * give the same file, whichever request made it.
   */
  readonly regenerates?: boolean;
  readonly latency?: FakeFalLatency;
  readonly history?: FakeFalHistoryOptions;
}

/**
 * How fal's request history (`GET api.fal.ai/v1/models/requests/by-endpoint`) lists requests where FAL.md says fal
 * publishes nothing: by default only requests that have ended are listed (items carry `ended_at` and are sorted by
 * it), and they are listed as soon as they end.
 */
export interface FakeFalHistoryOptions {
  /** List queued and running requests too (with `ended_at: null`). Default false. */
  readonly listsInFlight?: boolean;
  /** An ended request shows up this long after it ended (indexing lag). Default 0. */
  readonly lagMs?: number;
}

/** Timing of fal's queue as the fake simulates it. */
export interface FakeFalLatency {
  /** Time a request spends IN_PROGRESS (the model running). Default 50 ms. */
  readonly processingMs?: number;
  /** Least time a request spends IN_QUEUE even when a runner is free. Default 0. */
  readonly queueMs?: number;
  /** Requests running at once; later ones wait IN_QUEUE with a queue_position. Default 2, a new fal account's. */
  readonly concurrency?: number;
}

/** What an injected route fault does to the matching call. */
export type FakeFalFault =
  /** Answer with this status and a fal-like JSON body (`detail`), or `body` verbatim. */
  | {
      readonly status: number;
      /** For 422/504-style bodies: `detail: [{loc, msg, type}]` with this type. */
      readonly type?: string;
      /** Replaces the default message (`detail` string or the detail entry's `msg`). */
      readonly msg?: string;
      /** Sent as the JSON body instead of the built one. */
      readonly body?: unknown;
    }
  /**
   * Destroy the socket without an answer (the client sees `TypeError: fetch failed`). By default the fake does
   * nothing else; with `afterHandling` it still acts on the call (a submit creates its request), as when fal
   * did the work but the answer was lost on the way back.
   */
  | { readonly drop: true; readonly afterHandling?: boolean }
  /** Hold the call without an answer until released (see `stallNext`). */
  | { readonly stall: true }
  /**
   * Act on the call as fal does (a submit creates its request), then hold its answer until released or until the
   * client goes away (see `holdAnswerNext`): the window where a crash loses the answer of a request fal has.
   */
  | { readonly holdAnswer: true };

/** Which calls a fault or job fault applies to, and how often. */
export interface FakeFalFaultRule {
  /** How many matching calls it hits; default 1. `Infinity` keeps it until `clearFaults()`. */
  readonly times?: number;
  /**
   * Route faults: how many matching calls it lets through untouched before it hits (default 0), for "the Nth
   * submit" when which image that is depends on the order work was admitted in.
   */
  readonly skip?: number;
  /** Only calls about this image: the sha256 (hex) of the uploaded bytes, or the upload's file_name. */
  readonly imageKey?: string;
  /** Only calls about this request id (status, result, cancel, downloads of its outputs). */
  readonly requestId?: string;
}

/** What goes wrong inside the model for a submitted request (the queue itself answers normally). */
export type FakeFalJobFault =
  /** The request COMPLETEs, then the result call answers `status` (default 422) with `detail: [{type, msg, ...}]`. */
  | { readonly kind: 'error'; readonly type: string; readonly status?: number; readonly msg?: string }
  /** The request succeeds but its first output file's pixel size differs from the target (reported sizes do not). */
  | { readonly kind: 'wrongSize' }
  /** The request succeeds but its `results[]` name no tier (`resolution` left out): the price of its images is unknown. */
  | { readonly kind: 'noTier' }
  /** The request starts and stays IN_PROGRESS for ever (until cancelled): a runner that never finishes. */
  | { readonly kind: 'hang' };

/** One call as the fake received it. Secrets are not kept: the Authorization header is redacted. */
export interface RecordedRequest {
  /** 1, 2, 3... in arrival order. */
  readonly seq: number;
  /** Arrival time, ms since the epoch. */
  readonly at: number;
  readonly method: string;
  /** Undefined when the call matched no fal route (answered 404/400/412). */
  route: FakeFalRoute | undefined;
  /** Path and query as addressed on fal (for proxied calls: taken from x-fal-target-url). */
  path: string;
  /** True when the call came to the proxy path with `x-fal-target-url`. */
  readonly viaProxy: boolean;
  /** The `x-fal-target-url` header as received (proxied calls only). */
  readonly targetUrl: string | undefined;
  /** Lower-cased request headers; `authorization` reads `Key <redacted>`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Whether the key was right, wrong or absent. */
  auth: 'valid' | 'wrong' | 'missing';
  /** The fal request id the call is about (submit: the id it created). */
  requestId: string | undefined;
  /** The sha256 of the uploaded image the call is about, when known. */
  imageSha256: string | undefined;
  /** The file_name of that upload, when known. */
  uploadFileName: string | undefined;
  /** A short summary of the body: JSON for initiate/submit (data URIs shortened), size and sha256 for uploads. */
  body: unknown;
  /** The HTTP status answered; `'dropped'` for a destroyed socket, `'pending'` while unanswered (stalled). */
  outcome: number | 'dropped' | 'pending';
  /** Set when an injected fault decided the answer. */
  fault: string | undefined;
}

/** A filter over recorded requests; every given field must match. */
export interface RequestFilter {
  readonly route?: FakeFalRoute;
  readonly requestId?: string;
  readonly imageKey?: string;
  readonly viaProxy?: boolean;
  readonly method?: string;
}

/** An image uploaded through initiate + PUT. */
export interface FakeFalUpload {
  readonly uploadId: string;
  readonly fileName: string;
  readonly contentType: string;
  /** The `file_url` returned by initiate (served by the fake). */
  readonly fileUrl: string;
  /** Set once the PUT has arrived. */
  sha256: string | undefined;
  size: number | undefined;
}

/** A submitted smart-resize request, as fal's queue tracks it. */
export interface FakeFalJobView {
  readonly requestId: string;
  readonly state: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED';
  readonly cancelled: boolean;
  readonly input: unknown;
  readonly imageSha256: string | undefined;
  readonly uploadFileName: string | undefined;
  readonly submittedAt: number;
  readonly startedAt: number | undefined;
  readonly completedAt: number | undefined;
  /** HTTP status the result call answers once COMPLETED (200, 422, ...). */
  readonly resultStatus: number | undefined;
  /** URLs of the output files it produced. */
  readonly outputUrls: readonly string[];
}
