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

/** What a zip download holds: named jobs, or every job History's filters match (a batch, a contact sheet). */
export type ZipSelection = { readonly jobIds: readonly string[] } | { readonly filters: Readonly<Record<string, string | number | readonly string[] | undefined>> };

/**
 * The headless server's route for a zip of jobs' outputs (sizes as folders), relative to its origin. Filters are
 * History's (search, folderId, profileId, states, since, until); states go comma-separated.
 */
export function zipDownloadPath(selection: ZipSelection): string {
  const params = new URLSearchParams();
  if ('jobIds' in selection) for (const id of selection.jobIds) params.append('job', id);
  else {
    for (const [name, value] of Object.entries(selection.filters)) {
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
      params.set(name, Array.isArray(value) ? value.join(',') : String(value));
    }
    params.set('all', '1');
  }
  return `${HTTP_ROUTES.zip}?${params.toString()}`;
}

/**
 * Chromium's `DownloadURL` drag item ("type:name:url"): dropped on the desktop or another app, the browser
 * downloads the URL and hands over a file. The name cannot hold a colon (it ends the name).
 */
export function downloadUrlDragItem(mimeType: string, fileName: string, absoluteUrl: string): string {
  return `${mimeType}:${fileName.replaceAll(':', '_')}:${absoluteUrl}`;
}
