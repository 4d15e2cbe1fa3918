import type { ServerResponse } from 'node:http';
import type { FaultBook } from './faults';
import type { FileStore } from './fileStore';
import { sendBytes, sendJson } from './http';
import type { FakeJobQueue, QueuedJob } from './jobQueue';
import { SMART_RESIZE_PATH } from './routes';
import { requestHistory } from './requestHistory';
import type { FakeFalHistoryOptions, FakeFalRoute, FakeFalUpload, RecordedRequest } from './types';
import { validateSmartResizeInput } from './validateInput';

/** One call being answered. */
export interface Call {
  readonly res: ServerResponse;
  readonly record: RecordedRequest;
  readonly target: URL;
  readonly body: Buffer;
  readonly json: unknown;
  readonly requestId: string | undefined;
  readonly upload: FakeFalUpload | undefined;
  /** Set by a holdAnswer fault: the handler acts at once, its answer waits for this (see `respond`). */
  answerGate?: Promise<void>;
}

/** The fake's state the handlers work on. */
export interface FakeFalState {
  readonly files: FileStore;
  readonly queue: FakeJobQueue;
  readonly faults: FaultBook;
  readonly validateAt: 'result' | 'submit';
  readonly history: Required<FakeFalHistoryOptions>;
}

/** Answers and notes the status in the call's record. */
export function respond(call: Call, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (!call.answerGate) {
    call.record.outcome = status;
    sendJson(call.res, status, body, headers);
    return;
  }
  // Held: the request exists at "fal" already; whether the client ever hears of it depends on who goes first.
  void call.answerGate.then(() => {
    call.record.outcome = call.res.destroyed ? 'dropped' : status;
    sendJson(call.res, status, body, headers);
  });
}

const queueUrls = (requestId: string) => {
  const base = `https://queue.fal.run${SMART_RESIZE_PATH}/requests/${requestId}`;
  return { request_id: requestId, response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` };
};

const notFound = (call: Call): void => respond(call, 404, { detail: `Request ${call.requestId ?? ''} not found` });

function initiate(call: Call, state: FakeFalState): void {
  const input = (call.json ?? {}) as { content_type?: unknown; file_name?: unknown };
  if (typeof input.content_type !== 'string' || typeof input.file_name !== 'string') {
    const missing = typeof input.content_type !== 'string' ? 'content_type' : 'file_name';
    return respond(call, 422, { detail: [{ loc: ['body', missing], msg: 'Field required', type: 'missing' }] });
  }
  const { upload, uploadUrl } = state.files.initiate(input.file_name, input.content_type);
  call.record.uploadFileName = upload.fileName;
  respond(call, 200, { upload_url: uploadUrl, file_url: upload.fileUrl });
}

function upload(call: Call, state: FakeFalState): void {
  if (!call.upload) return respond(call, 404, { detail: 'No such upload' });
  state.files.completeUpload(call.upload, call.body);
  call.record.outcome = 200;
  call.res.writeHead(200).end();
}

function submit(call: Call, state: FakeFalState): void {
  if (state.validateAt === 'submit') {
    const { errors } = validateSmartResizeInput(call.json);
    if (errors.length > 0) return respond(call, 422, { detail: errors });
  }
  const job = state.queue.submit(call.json, call.upload, state.faults.takeJobFault(call.upload));
  call.record.requestId = job.requestId;
  const position = state.queue.queuePosition(job);
  const body = { status: 'IN_QUEUE', ...queueUrls(job.requestId), queue_position: position };
  respond(call, 200, body, { 'x-fal-request-id': job.requestId });
}

function logsOf(job: QueuedJob): { message: string; level: string; source: string; timestamp: string }[] {
  const entry = (message: string, at: number) => ({ message, level: 'INFO', source: 'USER', timestamp: new Date(at).toISOString() });
  const logs = [entry('Analyzing the source image', job.startedAt ?? Date.now())];
  if (job.completedAt) logs.push(entry('Rendered every target size', job.completedAt));
  return logs;
}

function status(call: Call, state: FakeFalState, job: QueuedJob): void {
  const withLogs = call.target.searchParams.get('logs') === '1';
  const base = { status: job.state, ...queueUrls(job.requestId) };
  const headers = { 'x-fal-request-id': job.requestId };
  if (job.state === 'IN_QUEUE') return respond(call, 202, { ...base, queue_position: state.queue.queuePosition(job) }, headers);
  const logs = withLogs ? logsOf(job) : null;
  if (job.state === 'IN_PROGRESS') return respond(call, 202, { ...base, logs }, headers);
  const inferenceTime = ((job.completedAt ?? 0) - (job.startedAt ?? job.completedAt ?? 0)) / 1000;
  respond(call, 200, { ...base, logs, metrics: { inference_time: inferenceTime } }, headers);
}

function result(call: Call, job: QueuedJob): void {
  if (job.state !== 'COMPLETED' || !job.outcome) return respond(call, 400, { detail: 'Request is still in progress' });
  respond(call, job.outcome.status, job.outcome.body, { 'x-fal-request-id': job.requestId });
}

function cancel(call: Call, state: FakeFalState, requestId: string): void {
  const answer = state.queue.cancel(requestId);
  const statusCode = answer === 'CANCELLATION_REQUESTED' ? 202 : answer === 'ALREADY_COMPLETED' ? 400 : 404;
  respond(call, statusCode, { status: answer });
}

function download(call: Call, state: FakeFalState): void {
  const file = state.files.fileAt(call.target.pathname);
  if (!file) return respond(call, 404, { detail: 'Not Found' });
  call.record.outcome = 200;
  sendBytes(call.res, file.bytes, file.contentType);
}

/** Answers a recognised, authorised call the way fal does. */
export function handleRoute(route: FakeFalRoute, call: Call, state: FakeFalState): void {
  if (route === 'initiate') return initiate(call, state);
  if (route === 'upload') return upload(call, state);
  if (route === 'submit') return submit(call, state);
  if (route === 'download') return download(call, state);
  if (route === 'history') {
    const answer = requestHistory(call.target.searchParams, state.queue.all(), state.history, Date.now());
    return respond(call, answer.status, answer.body);
  }
  const job = call.requestId ? state.queue.get(call.requestId) : undefined;
  if (route === 'cancel') return cancel(call, state, call.requestId ?? '');
  if (!job) return notFound(call);
  return route === 'status' ? status(call, state, job) : result(call, job);
}
