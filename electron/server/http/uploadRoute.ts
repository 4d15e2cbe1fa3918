import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { UploadResult } from '../../shared/transport';
import { sendError, sendJson } from './respond';
import { SNIFF_BYTES, sniffImage, type SniffedImage } from './sniffImage';
import { publishUpload, safeUploadName, temporaryUploadPath } from './uploadName';
import { SUPPORTED_IMAGE_FORMATS_TEXT } from '../../domain/sourceImages';

/** Why an upload was stopped while streaming. */
class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Counts bytes against the limit and, once enough bytes are in, refuses anything that is not an image. */
class ImageGate extends Transform {
  private head: Buffer[] = [];
  private headBytes = 0;
  private total = 0;
  sniffed: SniffedImage | null = null;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.total += chunk.length;
    if (this.total > this.maxBytes) {
      callback(new UploadRefused(413, 'too_large', `The file is larger than the ${formatMegabytes(this.maxBytes)} upload limit.`));
      return;
    }
    if (this.sniffed) {
      callback(null, chunk);
      return;
    }
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) {
      callback();
      return;
    }
    this.releaseHead(callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.sniffed) callback();
    else this.releaseHead(callback);
  }

  get bytes(): number {
    return this.total;
  }

  private releaseHead(callback: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    sniffImage(head).then(
      (sniffed) => {
        if (!sniffed) {
          callback(new UploadRefused(415, 'not_an_image', `That file is not an image the app can resize (${SUPPORTED_IMAGE_FORMATS_TEXT}).`));
          return;
        }
        this.sniffed = sniffed;
        callback(null, head);
      },
      (error: unknown) => callback(error as Error),
    );
  }
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** Options of the upload route. */
export interface UploadOptions {
  inboxDir: string;
  maxBytes: number;
  onUpload?: (saved: UploadResult) => void;
}

/**
 * POST /api/upload?name=<file name> with the raw file as the body: streamed into the inbox under a temp name, kept
 * only if it is an image within the size limit. Answers where it was saved, for `jobs.enqueuePaths`.
 */
export async function handleUpload(request: IncomingMessage, response: ServerResponse, url: URL, options: UploadOptions): Promise<void> {
  if (request.method !== 'POST') {
    sendError(response, 405, { code: 'method_not_allowed', message: 'Uploads are POST requests.' });
    return;
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > options.maxBytes) {
    // Close the connection after answering: there is no point receiving the rest.
    response.setHeader('Connection', 'close');
    sendError(response, 413, { code: 'too_large', message: `The file is larger than the ${formatMegabytes(options.maxBytes)} upload limit.` });
    return;
  }
  await mkdir(options.inboxDir, { recursive: true });
  const tempPath = temporaryUploadPath(options.inboxDir);
  const gate = new ImageGate(options.maxBytes);
  try {
    // Reading through an iterator that does not destroy the request on error keeps the socket open for the answer.
    await pipeline(request.iterator({ destroyOnReturn: false }), gate, createWriteStream(tempPath, { flags: 'wx' }));
    if (!gate.sniffed) throw new UploadRefused(415, 'not_an_image', 'The file is empty.');
    const name = safeUploadName(url.searchParams.get('name') ?? '', gate.sniffed.extension);
    const path = await publishUpload(tempPath, options.inboxDir, name);
    const saved: UploadResult = { path, name: path.slice(options.inboxDir.length + 1), bytes: gate.bytes };
    options.onUpload?.(saved);
    sendJson(response, 200, saved);
  } catch (error) {
    await rm(tempPath, { force: true });
    if (error instanceof UploadRefused) {
      response.setHeader('Connection', 'close');
      sendError(response, error.status, { code: error.code, message: error.message });
    } else if (!response.headersSent) {
      sendError(response, 500, { code: 'upload_failed', message: `The upload could not be saved: ${(error as Error).message}` });
    }
  }
}
