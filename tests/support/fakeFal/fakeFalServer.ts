import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { errorBodyFor, MISSING_KEY_DETAIL, WRONG_KEY_DETAIL } from './falErrors';
import { FaultBook, StallHandle, type FaultHandle } from './faults';
import { FileStore, sha256 } from './fileStore';
import { handleRoute, respond, type Call, type FakeFalState } from './handlers';
import { parseJson, readBody, redactedHeaders, sendJson } from './http';
import { FakeJobQueue, viewJob, type QueueTiming } from './jobQueue';
import { RequestLog } from './requestLog';
import { matchRoute } from './routes';
import { runSmartResize } from './smartResizeApp';
import {
  AUTHED_ROUTES,
  type FakeFalFault,
  type FakeFalFaultRule,
  type FakeFalJobFault,
  type FakeFalJobView,
  type FakeFalLatency,
  type FakeFalOptions,
  type FakeFalRoute,
  type FakeFalUpload,
  type RecordedRequest,
  type RequestFilter,
} from './types';

/** Routes a fault can target: one, several, or `'*'` for every route. */
export type RouteSelector = FakeFalRoute | readonly FakeFalRoute[] | '*';

const TARGET_URL_HEADER = 'x-fal-target-url';

function summarizeBody(route: FakeFalRoute | undefined, body: Buffer, json: unknown): unknown {
  if (route === 'upload') return { bytes: body.length, sha256: sha256(body) };
  if (json === undefined) return body.length > 0 ? { bytes: body.length } : undefined;
  // Data URIs can be megabytes: keep the log readable.
  return JSON.parse(JSON.stringify(json, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith('data:') && value.length > 80 ? `${value.slice(0, 60)}...` : value,
  ));
}

/** A fake fal (queue, storage, CDN) over real HTTP on 127.0.0.1. Make one with `startFakeFal()`. */
export class FakeFal {
  /** The one accepted key. */
  readonly key: string;
  private readonly options: FakeFalOptions;
  private readonly log = new RequestLog();
  private readonly faults = new FaultBook();
  private readonly stalls = new Set<StallHandle>();
  private readonly files: FileStore;
  private readonly queue: FakeJobQueue;
  private readonly state: FakeFalState;
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private boundPort: number;
  private seq = 0;

  constructor(options: FakeFalOptions = {}) {
    this.options = options;
    this.key = options.key ?? 'fake-fal-key';
    this.boundPort = options.port ?? 0;
    this.files = new FileStore(() => this.url);
    const latency = options.latency ?? {};
    const timing: QueueTiming = {
      processingMs: latency.processingMs ?? 50,
      queueMs: latency.queueMs ?? 0,
      concurrency: latency.concurrency ?? 2,
    };
    const renderMode = options.renderMode ?? 'resize';
    this.queue = new FakeJobQueue(timing, (job) =>
      runSmartResize({ requestId: job.requestId, rawInput: job.input, files: this.files, fault: job.fault, renderMode }),
    );
    this.state = { files: this.files, queue: this.queue, faults: this.faults, validateAt: options.validateAt ?? 'result' };
  }

  /** `http://127.0.0.1:PORT`: pass it as the client factory's `hostOverride`. */
  get url(): string {
    return `http://127.0.0.1:${this.boundPort}`;
  }

  /** The proxy endpoint: pass it as the client factory's `proxyUrl`. */
  get proxyUrl(): string {
    return `${this.url}${this.options.proxyPath ?? '/api/fal/proxy'}`;
  }

  get port(): number {
    return this.boundPort;
  }

  /** True while listening. */
  get isUp(): boolean {
    return this.server !== undefined;
  }

  /** Listens (again) on the same port; calls are refused between `stop()` and this. */
  async start(): Promise<void> {
    if (this.server) return;
    // requestTimeout 0: a stalled call must stay open until released, however long the test holds it.
    const server = createServer({ requestTimeout: 0 }, (req, res) => void this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, '127.0.0.1', () => resolve());
    });
    this.boundPort = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** The network goes away: stops listening and cuts open connections. Queued requests keep running. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }

  /** Stops for good: the HTTP side, queue timers and held calls. */
  async close(): Promise<void> {
    await this.stop();
    this.queue.close();
    this.stalls.forEach((stall) => stall.release());
  }

  /** Changes queue latency and concurrency for requests that start from now on. */
  configure(latency: FakeFalLatency): void {
    const defined = Object.fromEntries(Object.entries(latency).filter(([, value]) => value !== undefined));
    this.queue.setTiming(defined as Partial<QueueTiming>);
  }

  /**
   * The next matching call(s) get this fault instead of their answer: `{status}` (fal-like JSON error body,
   * optional `type`/`msg`/`body`), `{drop: true}` (socket destroyed) or `{stall: true}` (prefer `stallNext`).
   * Faults hit before the key check, in the order added.
   */
  failNext(routes: RouteSelector, fault: FakeFalFault, rule?: FakeFalFaultRule): FaultHandle {
    if ('stall' in fault) return this.stallNext(routes, rule);
    return this.faults.addRouteFault(typeof routes === 'string' && routes !== '*' ? [routes] : routes, fault, rule);
  }

  /** The next matching call(s) are held unanswered until `handle.release()`, then answered normally. */
  stallNext(routes: RouteSelector, rule?: FakeFalFaultRule): StallHandle & FaultHandle {
    const stall = new StallHandle();
    this.stalls.add(stall);
    const selector = typeof routes === 'string' && routes !== '*' ? [routes] : routes;
    const handle = this.faults.addRouteFault(selector, { stall: true }, rule, stall);
    return Object.assign(stall, { cancel: handle.cancel, get remaining() { return handle.remaining; } });
  }

  /** The next matching submitted request(s) fail inside the model, or produce a wrong-sized output. */
  failNextJob(fault: FakeFalJobFault, rule?: Pick<FakeFalFaultRule, 'times' | 'imageKey'>): void {
    this.faults.addJobFault(fault, rule);
  }

  /** Withdraws every pending fault and releases every held call. */
  clearFaults(): void {
    this.faults.clear();
    this.stalls.forEach((stall) => stall.release());
    this.stalls.clear();
  }

  /** Recorded calls, oldest first, optionally filtered. */
  requests(filter: RequestFilter = {}): RecordedRequest[] {
    return this.log.all(filter);
  }

  /** How many submits arrived (any outcome), optionally filtered. */
  countSubmits(filter: Omit<RequestFilter, 'route'> = {}): number {
    return this.log.all({ ...filter, route: 'submit' }).length;
  }

  /** Submits about one image: its uploaded bytes' sha256 or its upload file_name. */
  submitsFor(imageKey: string): RecordedRequest[] {
    return this.log.all({ route: 'submit', imageKey });
  }

  /** Every call about one request id (its submit included). */
  requestsFor(requestId: string): RecordedRequest[] {
    return this.log.all({ requestId });
  }

  /** Resolves with the next matching call when it arrives (before it is answered). */
  nextRequest(filter: RequestFilter, timeoutMs = 10_000): Promise<RecordedRequest> {
    return this.log.next(filter, timeoutMs);
  }

  clearLog(): void {
    this.log.clear();
  }

  /** Every submitted request, in submit order. */
  jobs(): FakeFalJobView[] {
    return this.queue.all().map(viewJob);
  }

  job(requestId: string): FakeFalJobView | undefined {
    const job = this.queue.get(requestId);
    return job && viewJob(job);
  }

  /** Every upload initiated, in order. */
  uploads(): FakeFalUpload[] {
    return this.files.uploads().map((upload) => ({ ...upload }));
  }

  private newRecord(req: IncomingMessage, viaProxy: boolean): RecordedRequest {
    const header = req.headers[TARGET_URL_HEADER];
    this.seq += 1;
    return {
      seq: this.seq,
      at: Date.now(),
      method: req.method ?? 'GET',
      route: undefined,
      path: req.url ?? '/',
      viaProxy,
      targetUrl: viaProxy && typeof header === 'string' ? header : undefined,
      headers: redactedHeaders(req),
      auth: this.authOf(req),
      requestId: undefined,
      imageSha256: undefined,
      uploadFileName: undefined,
      body: undefined,
      outcome: 'pending',
      fault: undefined,
    };
  }

  private authOf(req: IncomingMessage): RecordedRequest['auth'] {
    const header = req.headers.authorization;
    if (!header) return 'missing';
    return header === `Key ${this.key}` ? 'valid' : 'wrong';
  }

  /** Proxy form: the call's real destination from x-fal-target-url, or the error fal's server proxy answers. */
  private proxiedTarget(req: IncomingMessage): URL | { status: number; body: string } {
    const header = req.headers[TARGET_URL_HEADER];
    if (typeof header !== 'string' || !header) return { status: 400, body: `Missing the ${TARGET_URL_HEADER} header` };
    try {
      const target = new URL(header);
      if (/(\.|^)fal\.(run|ai)$/.test(target.hostname)) return target;
    } catch {
      // fall through: an unparsable target is as invalid as a foreign one
    }
    return { status: 412, body: `Invalid ${TARGET_URL_HEADER} header` };
  }

  private subjectOf(route: FakeFalRoute, target: URL, requestId: string | undefined, json: unknown) {
    if (route === 'upload') {
      return { requestId, upload: this.files.uploadForPath(target.pathname) };
    }
    if (route === 'submit') {
      const imageUrl = (json as { image_url?: unknown } | undefined)?.image_url;
      return { requestId, upload: typeof imageUrl === 'string' ? this.files.uploadForFileUrl(imageUrl) : undefined };
    }
    if (route === 'download') {
      const file = this.files.fileAt(target.pathname);
      const owner = file?.requestId ? this.queue.get(file.requestId) : undefined;
      return { requestId: file?.requestId, upload: file?.upload ?? owner?.upload };
    }
    return { requestId, upload: requestId ? this.queue.get(requestId)?.upload : undefined };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const viaProxy = url.pathname === new URL(this.proxyUrl).pathname;
    const record = this.newRecord(req, viaProxy);
    this.log.add(record);
    try {
      const body = await readBody(req);
      const target = viaProxy ? this.proxiedTarget(req) : url;
      if (!(target instanceof URL)) {
        record.outcome = target.status;
        return sendJson(res, target.status, target.body);
      }
      record.path = `${target.pathname}${target.search}`;
      const match = matchRoute(record.method, target, viaProxy);
      if (match.route === undefined) {
        record.outcome = match.status;
        return sendJson(res, match.status, match.body);
      }
      const json = parseJson(body);
      const subject = this.subjectOf(match.route, target, match.requestId, json);
      // An upload is known by its bytes' hash as soon as the PUT arrives, before it is stored.
      const about = match.route === 'upload' && subject.upload ? { ...subject.upload, sha256: sha256(body) } : subject.upload;
      Object.assign(record, {
        route: match.route,
        requestId: subject.requestId,
        imageSha256: about?.sha256,
        uploadFileName: about?.fileName,
        body: summarizeBody(match.route, body, json),
      });
      this.log.announce(record);
      const call: Call = { res, record, target, body, json, ...subject };
      if (await this.applyFault(call, match.route, about)) return;
      if (AUTHED_ROUTES.includes(match.route) && record.auth !== 'valid') {
        return respond(call, 401, { detail: record.auth === 'missing' ? MISSING_KEY_DETAIL : WRONG_KEY_DETAIL });
      }
      handleRoute(match.route, call, this.state);
    } catch (error) {
      record.outcome = 500;
      sendJson(res, 500, { detail: `fake fal server error: ${String(error)}` });
    }
  }

  /** Applies an injected fault; true when it decided the answer. A released stall goes on normally. */
  private async applyFault(call: Call, route: FakeFalRoute, about: FakeFalUpload | undefined): Promise<boolean> {
    const hit = this.faults.takeRouteFault({ route, requestId: call.requestId, upload: about });
    if (!hit) return false;
    const { fault, stall } = hit;
    if ('stall' in fault) {
      call.record.fault = 'stall';
      await stall?.hold((onGone) => call.res.once('close', onGone));
      if (call.res.destroyed || call.res.writableEnded) {
        if (call.record.outcome === 'pending') call.record.outcome = 'dropped';
        return true;
      }
      return false;
    }
    if ('drop' in fault) {
      call.record.fault = 'drop';
      call.record.outcome = 'dropped';
      call.res.socket?.destroy();
      return true;
    }
    call.record.fault = `status ${fault.status}`;
    respond(call, fault.status, fault.body ?? errorBodyFor(fault.status, fault.type, fault.msg));
    return true;
  }
}
