import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeError, isSmartResizeError } from '../../domain/errors';
import { recordedOutputPath } from '../../engine/api/recordedOutput';
import type { ApiHandlers } from '../../shared/contract/types';
import { fileNameOf, outputMimeType } from '../../shared/outputFiles';
import { OutputRefSchema } from '../../shared/transport';
import { attachment } from './contentDisposition';
import { BASE_SECURITY_HEADERS, sendError, statusForErrorCode } from './respond';

/**
 * GET /api/output?job=ID&path=P: one recorded output of a job as a download, what the page's drag out of the
 * browser (a DownloadURL item) and a download link point at. The launch token guards it like every route; the path
 * must be one the job recorded as an output and still on disk (recordedOutputPath), so it reads no other file.
 */
export async function handleOutputDownload(request: IncomingMessage, response: ServerResponse, url: URL, handlers: ApiHandlers): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendError(response, 405, { code: 'method_not_allowed', message: 'Only GET here.' });
    return;
  }
  const ref = OutputRefSchema.safeParse({ jobId: url.searchParams.get('job') ?? '', path: url.searchParams.get('path') ?? '' });
  if (!ref.success) {
    sendError(response, 400, { code: 'invalid_input', message: 'Name a job (job=) and one of its outputs (path=).' });
    return;
  }
  let file: string;
  try {
    file = await recordedOutputPath(handlers.jobs, ref.data);
  } catch (error) {
    const code = isSmartResizeError(error) ? error.code : 'internal';
    sendError(response, statusForErrorCode(code), { code, message: describeError(error) });
    return;
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    sendError(response, 404, { code: 'file_not_found', message: `${file} was moved or deleted after the job wrote it.` });
    return;
  }
  response.writeHead(200, {
    ...BASE_SECURITY_HEADERS,
    'Content-Type': outputMimeType(file),
    'Content-Length': info.size,
    'Content-Disposition': attachment(fileNameOf(file)),
    'Cache-Control': 'no-store',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  // A file removed after the stat ends the answer short rather than crashing the server.
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}
