import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBodyFor, MISSING_KEY_DETAIL, WRONG_KEY_DETAIL } from './falErrors';
import type { FaultBook } from './faults';
import { sha256, type FileStore } from './fileStore';
import { handleRoute, respond, type Call, type FakeFalState } from './handlers';
import { parseJson, readBody, redactedHeaders, sendJson } from './http';
import type { FakeJobQueue } from './jobQueue';
import type { RequestLog } from './requestLog';
import { matchRoute } from './routes';
import { AUTHED_ROUTES, type FakeFalRoute, type FakeFalUpload, type RecordedRequest } from './types';

/** What the dispatcher works with; owned by FakeFal. */
export interface DispatchDeps {
  readonly key: string;
  readonly baseUrl: () => string;
  readonly proxyUrl: () => string;
  readonly log: RequestLog;
  readonly faults: FaultBook;
  readonly files: FileStore;
  readonly queue: FakeJobQueue;
  readonly state: FakeFalState;
}

const TARGET_URL_HEADER = 'x-fal-target-url';

type FaultVerdict = 'answered' | 'proceed' | 'answerLost' | { readonly holdAnswer: Promise<void> };

function summarizeBody(route: FakeFalRoute | undefined, body: Buffer, json: unknown): unknown {
  if (route === 'upload') return { bytes: body.length, sha256: sha256(body) };
  if (json === undefined) return body.length > 0 ? { bytes: body.length } : undefined;
  // Data URIs can be megabytes: keep the log readable.
  return JSON.parse(JSON.stringify(json, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith('data:') && value.length > 80 ? `${value.slice(0, 60)}...` : value,
  ));
}

/**
 * The per-call pipeline: record the call, resolve its form (fal path or proxy + x-fal-target-url), route it, find
 * what it is about (request id, uploaded image), apply an injected fault, check the key, then answer like fal.
 */
export class CallDispatcher {
  private seq = 0;

  constructor(private readonly deps: DispatchDeps) {}

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
    return header === `Key ${this.deps.key}` ? 'valid' : 'wrong';
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
      return { requestId, upload: this.deps.files.uploadForPath(target.pathname) };
    }
    if (route === 'submit') {
      const imageUrl = (json as { image_url?: unknown } | undefined)?.image_url;
      return { requestId, upload: typeof imageUrl === 'string' ? this.deps.files.uploadForFileUrl(imageUrl) : undefined };
    }
    if (route === 'download') {
      const file = this.deps.files.fileAt(target.pathname);
      const owner = file?.requestId ? this.deps.queue.get(file.requestId) : undefined;
      return { requestId: file?.requestId, upload: file?.upload ?? owner?.upload };
    }
    return { requestId, upload: requestId ? this.deps.queue.get(requestId)?.upload : undefined };
  }

  /** Records, routes, checks and answers one call. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.deps.baseUrl());
    const viaProxy = url.pathname === new URL(this.deps.proxyUrl()).pathname;
    const record = this.newRecord(req, viaProxy);
    this.deps.log.add(record);
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
      this.deps.log.announce(record);
      const call: Call = { res, record, target, body, json, ...subject };
      const verdict = await this.applyFault(call, match.route, about);
      if (verdict === 'answered') return;
      if (typeof verdict === 'object') call.answerGate = verdict.holdAnswer;
      if (AUTHED_ROUTES.includes(match.route) && record.auth !== 'valid') {
        respond(call, 401, { detail: record.auth === 'missing' ? MISSING_KEY_DETAIL : WRONG_KEY_DETAIL });
      } else {
        handleRoute(match.route, call, this.deps.state);
      }
      // The fake acted (a submit created its request) but the client never saw the answer.
      if (verdict === 'answerLost') record.outcome = 'dropped';
    } catch (error) {
      record.outcome = 500;
      sendJson(res, 500, { detail: `fake fal server error: ${String(error)}` });
    }
  }

  /**
   * Applies an injected fault: `answered` when it decided the answer, `proceed` to answer normally (no fault, or a
   * released stall), `answerLost` to act normally on a connection already cut (drop with afterHandling), or a
   * `holdAnswer` gate: act normally now, send the answer once the gate opens (if the client is still there).
   */
  private async applyFault(call: Call, route: FakeFalRoute, about: FakeFalUpload | undefined): Promise<FaultVerdict> {
    const hit = this.deps.faults.takeRouteFault({ route, requestId: call.requestId, upload: about });
    if (!hit) return 'proceed';
    const { fault, stall } = hit;
    if ('holdAnswer' in fault) {
      call.record.fault = 'answer held';
      return { holdAnswer: stall?.hold((onGone) => call.res.once('close', onGone)) ?? Promise.resolve() };
    }
    if ('stall' in fault) {
      call.record.fault = 'stall';
      await stall?.hold((onGone) => call.res.once('close', onGone));
      if (call.res.destroyed || call.res.writableEnded) {
        if (call.record.outcome === 'pending') call.record.outcome = 'dropped';
        return 'answered';
      }
      return 'proceed';
    }
    if ('drop' in fault) {
      // Writes to the response after this are discarded by node, so the handler can still run its side effects.
      call.res.socket?.destroy();
      call.record.fault = fault.afterHandling ? 'drop after handling' : 'drop';
      call.record.outcome = 'dropped';
      return fault.afterHandling ? 'answerLost' : 'answered';
    }
    call.record.fault = `status ${fault.status}`;
    respond(call, fault.status, fault.body ?? errorBodyFor(fault.status, fault.type, fault.msg));
    return 'answered';
  }
}
