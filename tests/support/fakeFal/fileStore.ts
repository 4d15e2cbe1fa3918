import { createHash, randomUUID } from 'node:crypto';
import type { FakeFalUpload } from './types';

/** A file the fake's "CDN" serves: an uploaded source or a model output. */
export interface StoredFile {
  readonly bytes: Buffer;
  readonly contentType: string;
  /** The request whose output this is (outputs only). */
  readonly requestId: string | undefined;
  /** The upload this is (sources only). */
  readonly upload: FakeFalUpload | undefined;
}

/**
 * fal storage and CDN in memory: initiate hands out an upload URL and the future file URL, the PUT fills it, and
 * every file (sources and outputs) is served at a public loopback URL, like v3.fal.media.
 */
export class FileStore {
  private readonly uploadsById = new Map<string, FakeFalUpload>();
  private readonly files = new Map<string, StoredFile>();

  constructor(private readonly baseUrl: () => string) {}

  /** Registers an upload the client is about to PUT. */
  initiate(fileName: string, contentType: string): { upload: FakeFalUpload; uploadUrl: string } {
    const uploadId = randomUUID();
    const safeName = fileName.replace(/[^\w.-]+/g, '_') || 'file';
    const upload: FakeFalUpload = {
      uploadId,
      fileName,
      contentType,
      fileUrl: `${this.baseUrl()}/files/${uploadId}/${safeName}`,
      sha256: undefined,
      size: undefined,
    };
    this.uploadsById.set(uploadId, upload);
    return { upload, uploadUrl: `${this.baseUrl()}/upload/${uploadId}` };
  }

  /** The upload an `/upload/<id>` path is for. */
  uploadForPath(pathname: string): FakeFalUpload | undefined {
    const match = /^\/upload\/([\w-]+)$/.exec(pathname);
    return match ? this.uploadsById.get(match[1] ?? '') : undefined;
  }

  /** Stores the PUT bytes; the file URL serves them from now on. */
  completeUpload(upload: FakeFalUpload, bytes: Buffer): void {
    upload.sha256 = sha256(bytes);
    upload.size = bytes.length;
    this.files.set(new URL(upload.fileUrl).pathname, { bytes, contentType: upload.contentType, requestId: undefined, upload });
  }

  /** Stores a model output and returns its public URL. */
  putOutput(requestId: string, name: string, bytes: Buffer, contentType: string): string {
    const pathname = `/files/${requestId}/${name}`;
    this.files.set(pathname, { bytes, contentType, requestId, upload: undefined });
    return `${this.baseUrl()}${pathname}`;
  }

  /** The file served at this path (`/files/...`), if any. */
  fileAt(pathname: string): StoredFile | undefined {
    return this.files.get(pathname);
  }

  /** The completed upload a URL handed out by initiate points to (host ignored: the port may have been reused). */
  uploadForFileUrl(url: string): FakeFalUpload | undefined {
    let pathname: string;
    try {
      pathname = new URL(url).pathname;
    } catch {
      return undefined;
    }
    return this.files.get(pathname)?.upload;
  }

  /** Every upload initiated so far, in order. */
  uploads(): FakeFalUpload[] {
    return [...this.uploadsById.values()];
  }
}

/** Hex sha256 of some bytes: how tests name an uploaded image. */
export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** True when `key` names this upload: its bytes' sha256 or its file_name. */
export function uploadMatches(upload: FakeFalUpload | undefined, key: string): boolean {
  return upload !== undefined && (upload.sha256 === key || upload.fileName === key);
}
