import type { Job, JobDetail, JobQuery, JobPage } from '../../../electron/shared';
import { toJobRow } from './fakeState';

function encodeCursor(job: Job): string {
  return Buffer.from(`${job.createdAt}:${job.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: number; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  return { createdAt: Number(text.slice(0, colon)), id: text.slice(colon + 1) };
}

/** True when `job` sorts after the cursor in newest-first (createdAt desc, id desc) order. */
function isAfterCursor(job: Job, cursor: { createdAt: number; id: string }): boolean {
  return job.createdAt < cursor.createdAt || (job.createdAt === cursor.createdAt && job.id < cursor.id);
}

function matches(job: Job, query: JobQuery): boolean {
  if (query.states && !query.states.includes(job.state)) return false;
  if (query.folderId && job.folderId !== query.folderId) return false;
  if (query.profileId && job.profileId !== query.profileId) return false;
  if (query.since !== undefined && job.createdAt < query.since) return false;
  if (query.until !== undefined && job.createdAt > query.until) return false;
  if (query.search) {
    const needle = query.search.toLowerCase();
    if (!job.sourcePath.toLowerCase().includes(needle)) return false;
  }
  return true;
}

/** Keyset paging over newest-first jobs, the way the real store pages (no OFFSET). */
export function queryFakeJobs(jobs: JobDetail[], query: JobQuery): JobPage {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const items: Job[] = [];
  for (const job of jobs) {
    if (cursor && !isAfterCursor(job, cursor)) continue;
    if (!matches(job, query)) continue;
    if (items.length === query.limit) return { items, nextCursor: encodeCursor(items[items.length - 1]!) };
    items.push(toJobRow(job));
  }
  return { items, nextCursor: null };
}
