import type { QueuedJob } from './jobQueue';
import { SMART_RESIZE_PATH } from './routes';
import type { FakeFalHistoryOptions } from './types';

/** One entry of fal's request history as FAL.md lists its fields. */
interface HistoryItem {
  request_id: string;
  endpoint_id: string;
  sent_at: string;
  started_at: string | null;
  ended_at: string | null;
  status_code: number | null;
  duration: number | null;
  json_input?: unknown;
  json_output?: unknown;
}

const ENDPOINT_ID = SMART_RESIZE_PATH.slice(1);
const DAY_MS = 24 * 60 * 60_000;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
/** Sorts after every ISO time, so requests without an end come first in a newest-first list. */
const IN_FLIGHT = '~';

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());
const invalid = (field: string, msg: string) => ({ status: 422, body: { detail: [{ loc: ['query', field], msg, type: 'value_error' }] } });

function statusClass(code: number | null): 'success' | 'user_error' | 'error' | undefined {
  if (code === null) return undefined;
  if (code < 400) return 'success';
  return code < 500 ? 'user_error' : 'error';
}

function parseTime(text: string | null, field: string): number | undefined | { status: number; body: unknown } {
  if (text === null) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? invalid(field, 'Input should be a valid datetime') : ms;
}

/**
 * `GET api.fal.ai/v1/models/requests/by-endpoint` over the fake's queue (FAL.md, "Request history"): the key
 * owner's requests of one endpoint in a time window (default the last 24 hours), newest end first, `expand=payloads`
 * adding `json_input`/`json_output`, filters `status` and `request_id`, pages of `limit` (default 50, max 100) with
 * an opaque `cursor`. Where fal publishes nothing, the fake takes the cautious reading: a request is listed only once
 * it has ended (unless `listsInFlight`), `lagMs` after its end, and the window applies to its end time (its send time
 * while in flight).
 */
export function requestHistory(query: URLSearchParams, jobs: readonly QueuedJob[], options: Required<FakeFalHistoryOptions>, now: number) {
  const endpointId = query.get('endpoint_id');
  if (!endpointId) return { status: 422, body: { detail: [{ loc: ['query', 'endpoint_id'], msg: 'Field required', type: 'missing' }] } };
  const start = parseTime(query.get('start'), 'start');
  const end = parseTime(query.get('end'), 'end');
  if (typeof start === 'object') return start;
  if (typeof end === 'object') return end;
  const limit = Number(query.get('limit') ?? DEFAULT_LIMIT);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return invalid('limit', `Input should be between 1 and ${MAX_LIMIT}`);
  const offset = query.get('cursor') ? Number(Buffer.from(query.get('cursor') ?? '', 'base64url').toString()) : 0;
  if (!Number.isInteger(offset) || offset < 0) return invalid('cursor', 'Invalid cursor');
  const expand = query.getAll('expand').flatMap((value) => value.split(','));
  const status = query.get('status');
  const requestId = query.get('request_id');
  const from = start ?? now - DAY_MS;
  const until = end ?? now;

  // Another endpoint's requests are not the fake's to list: it serves smart-resize only.
  const listed = (endpointId === ENDPOINT_ID ? jobs : [])
    .filter((job) => (job.completedAt === undefined ? options.listsInFlight : job.completedAt + options.lagMs <= now))
    .filter((job) => {
      const at = job.completedAt ?? job.submittedAt;
      return at >= from && at <= until;
    })
    .map((job) => toItem(job, expand.includes('payloads')))
    .filter((item) => requestId === null || item.request_id === requestId)
    .filter((item) => status === null || statusClass(item.status_code) === status)
    // Newest end first; requests still in flight (no end yet) before all of them.
    .sort((a, b) => (b.ended_at ?? IN_FLIGHT).localeCompare(a.ended_at ?? IN_FLIGHT));
  const page = listed.slice(offset, offset + limit);
  const hasMore = offset + limit < listed.length;
  return {
    status: 200,
    body: { items: page, has_more: hasMore, next_cursor: hasMore ? Buffer.from(String(offset + limit)).toString('base64url') : null },
  };
}

function toItem(job: QueuedJob, payloads: boolean): HistoryItem {
  const statusCode = job.completedAt === undefined ? null : (job.outcome?.status ?? null);
  return {
    request_id: job.requestId,
    endpoint_id: ENDPOINT_ID,
    sent_at: iso(job.submittedAt) ?? '',
    started_at: iso(job.startedAt),
    ended_at: iso(job.completedAt),
    status_code: statusCode,
    duration: job.completedAt !== undefined && job.startedAt !== undefined ? (job.completedAt - job.startedAt) / 1000 : null,
    ...(payloads && { json_input: job.input, json_output: job.completedAt === undefined ? null : (job.outcome?.body ?? null) }),
  };
}
