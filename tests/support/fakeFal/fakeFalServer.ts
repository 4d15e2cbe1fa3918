import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CallDispatcher } from './dispatch';
import { FaultBook, StallHandle, type FaultHandle } from './faults';
import { FileStore } from './fileStore';
import type { FakeFalState } from './handlers';
import { FakeJobQueue, viewJob, type QueueTiming } from './jobQueue';
import { RequestLog } from './requestLog';
import { runSmartResize } from './smartResizeApp';
import type {
  FakeFalFault,
  FakeFalFaultRule,
  FakeFalJobFault,
  FakeFalJobView,
  FakeFalLatency,
  FakeFalOptions,
  FakeFalRoute,
  FakeFalUpload,
  RecordedRequest,
  RequestFilter,
} from './types';

/** Routes a fault can target: one, several, or `'*'` for every route. */
export type RouteSelector = FakeFalRoute | readonly FakeFalRoute[] | '*';

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
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private boundPort: number;
  private readonly dispatcher: CallDispatcher;

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
    let generation = 0;
    this.queue = new FakeJobQueue(timing, (job) =>
      runSmartResize({ requestId: job.requestId, rawInput: job.input, files: this.files, fault: job.fault, renderMode, generation: options.regenerates ? generation++ : 0 }),
    );
    const state: FakeFalState = {
      files: this.files,
      queue: this.queue,
      faults: this.faults,
      validateAt: options.validateAt ?? 'result',
      history: { listsInFlight: options.history?.listsInFlight ?? false, lagMs: options.history?.lagMs ?? 0 },
    };
    this.dispatcher = new CallDispatcher({
      key: this.key,
      baseUrl: () => this.url,
      proxyUrl: () => this.proxyUrl,
      log: this.log,
      faults: this.faults,
      files: this.files,
      queue: this.queue,
      state,
    });
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
    const server = createServer({ requestTimeout: 0 }, (req, res) => void this.dispatcher.handle(req, res));
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
    if ('holdAnswer' in fault) return this.holdAnswerNext(routes, rule);
    return this.faults.addRouteFault(typeof routes === 'string' && routes !== '*' ? [routes] : routes, fault, rule);
  }

  /** The next matching call(s) are held unanswered until `handle.release()`, then answered normally. */
  stallNext(routes: RouteSelector, rule?: FakeFalFaultRule): StallHandle & FaultHandle {
    return this.holdingFault(routes, { stall: true }, rule);
  }

  /**
   * The next matching call(s) are acted on at once (a submit creates its request, which runs and bills) while their
   * answer is held until `handle.release()` or the client goes away: `waitUntilStalled()` resolves when one is held.
   */
  holdAnswerNext(routes: RouteSelector, rule?: FakeFalFaultRule): StallHandle & FaultHandle {
    return this.holdingFault(routes, { holdAnswer: true }, rule);
  }

  private holdingFault(routes: RouteSelector, fault: FakeFalFault, rule?: FakeFalFaultRule): StallHandle & FaultHandle {
    const stall = new StallHandle();
    this.stalls.add(stall);
    const selector = typeof routes === 'string' && routes !== '*' ? [routes] : routes;
    const handle = this.faults.addRouteFault(selector, fault, rule, stall);
    // defineProperty, not Object.assign: assign would copy `remaining` once instead of keeping it live.
    return Object.defineProperties(stall, {
      cancel: { value: handle.cancel },
      remaining: { get: () => handle.remaining },
    }) as StallHandle & FaultHandle;
  }

  /**
   * Requests that start running from now on stay IN_PROGRESS until `release()` (at least their processing time);
   * requests started after the release run as usual.
   */
  holdRunning(): { release(): void } {
    return { release: this.queue.holdRunning() };
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
}
