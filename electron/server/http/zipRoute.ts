import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ZipFile } from 'yazl';
import { describeError, isSmartResizeError } from '../../domain/errors';
import { zipEntries, type ZipEntry, type ZipJob } from '../../engine/api/zipEntries';
import type { ApiHandlers } from '../../shared/contract/types';
import { fileNameOf } from '../../shared/outputFiles';
import { JobQuerySchema } from '../../shared/schemas/job';
import { attachment } from './contentDisposition';
import { BASE_SECURITY_HEADERS, sendError, statusForErrorCode } from './respond';

/** The most jobs one zip takes (a batch of this many is already a few GB of images). */
const MAX_ZIP_JOBS = 5000;
const PAGE = 500;

/**
 * GET /api/zip?job=ID[&job=ID...] or ?all=1 with History's filters (search, folderId, profileId, states=a,b, since,
 * until): one zip of those jobs' outputs with sizes as folders, streamed as it is made. Only paths the jobs recorded
 * as outputs go in (read through the same jobs handlers the page uses); outputs gone from disk are listed in
 * `missing.txt` inside the zip instead of failing the download. Images are stored, not compressed again.
 */
export async function handleZipDownload(request: IncomingMessage, response: ServerResponse, url: URL, handlers: ApiHandlers): Promise<void> {
  if (request.method !== 'GET') {
    sendError(response, 405, { code: 'method_not_allowed', message: 'Only GET here.' });
    return;
  }
  let jobs: ZipJob[];
  try {
    jobs = await selectedJobs(url.searchParams, handlers.jobs);
  } catch (error) {
    const code = isSmartResizeError(error) ? error.code : 'invalid_input';
    sendError(response, statusForErrorCode(code), { code, message: describeError(error) });
    return;
  }
  const entries = zipEntries(jobs);
  if (entries.length === 0) {
    sendError(response, 404, { code: 'file_not_found', message: 'These jobs have no outputs to download.' });
    return;
  }
  const present: ZipEntry[] = [];
  const missing: ZipEntry[] = [];
  for (const entry of entries) ((await stat(entry.path).catch(() => null))?.isFile() ? present : missing).push(entry);
  const zip = new ZipFile();
  for (const entry of present) zip.addFile(entry.path, entry.name, { compress: false });
  if (missing.length > 0) {
    const lines = missing.map((entry) => `${entry.name}\t${entry.path}`);
    zip.addBuffer(Buffer.from(`Moved or deleted after the job wrote them:\n${lines.join('\n')}\n`), 'missing.txt');
  }
  zip.end();
  response.writeHead(200, {
    ...BASE_SECURITY_HEADERS,
    'Content-Type': 'application/zip',
    'Content-Disposition': attachment(zipName(jobs)),
    'Cache-Control': 'no-store',
  });
  // A file removed after the stat ends the answer short rather than crashing the server.
  zip.outputStream.on('error', () => response.destroy()).pipe(response);
}

/** The named jobs (each through jobs.detail), or every job the filters match (paged through jobs.query). */
async function selectedJobs(params: URLSearchParams, jobs: Pick<ApiHandlers['jobs'], 'detail' | 'query'>): Promise<ZipJob[]> {
  const ids = params.getAll('job');
  if (ids.length > MAX_ZIP_JOBS) throw new Error(`A zip takes at most ${MAX_ZIP_JOBS} jobs.`);
  if (ids.length > 0) return Promise.all([...new Set(ids)].map((id) => jobs.detail({ id })));
  if (params.get('all') !== '1') throw new Error('Name the jobs (job=) or ask for every job the filters match (all=1).');
  const text = (name: string) => params.get(name) || undefined;
  const time = (name: string) => (params.has(name) ? Number(params.get(name)) : undefined);
  const filters = JobQuerySchema.omit({ cursor: true, limit: true }).safeParse({
    search: text('search'),
    folderId: text('folderId'),
    profileId: text('profileId'),
    states: text('states')?.split(','),
    since: time('since'),
    until: time('until'),
  });
  if (!filters.success) throw new Error('The filters are not ones History uses.');
  const found: ZipJob[] = [];
  let cursor: string | undefined;
  do {
    const page = await jobs.query({ ...filters.data, limit: PAGE, cursor });
    found.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (found.length > MAX_ZIP_JOBS) throw new Error(`A zip takes at most ${MAX_ZIP_JOBS} jobs; narrow the filters.`);
  } while (cursor);
  return found;
}

/** `photo.zip` for one job, `smart-resize-12-jobs.zip` for more. */
function zipName(jobs: readonly ZipJob[]): string {
  if (jobs.length === 1) return `${fileNameOf(jobs[0]!.sourceName).replace(/\.[^.]+$/, '') || 'outputs'}.zip`;
  return `smart-resize-${jobs.length}-jobs.zip`;
}
