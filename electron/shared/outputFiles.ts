// How one output file leaves the app: its download route and the MIME type it is sent as. No schemas here: the
// page's History code uses it while it drags, and the server while it answers.
import { HTTP_ROUTES } from './httpRoutes';

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

/** The file name part of a path, on either platform's separators. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The MIME type an output is sent as, by its extension (the app writes only images). */
export function outputMimeType(path: string): string {
  const extension = fileNameOf(path).split('.').pop()?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/**
 * The headless server's route for one recorded output of a job, relative to its origin. Authenticated like every
 * route (the launch token's cookie); the server answers only paths the job recorded as outputs.
 */
export function outputDownloadPath(ref: { readonly jobId: string; readonly path: string }): string {
  return `${HTTP_ROUTES.output}?${new URLSearchParams({ job: ref.jobId, path: ref.path }).toString()}`;
}

/**
 * Chromium's `DownloadURL` drag item ("type:name:url"): dropped on the desktop or another app, the browser
 * downloads the URL and hands over a file. The name cannot hold a colon (it ends the name).
 */
export function downloadUrlDragItem(mimeType: string, fileName: string, absoluteUrl: string): string {
  return `${mimeType}:${fileName.replaceAll(':', '_')}:${absoluteUrl}`;
}
