import type { BrowseListing } from '../../../electron/shared';
import { HTTP_ROUTES, TOKEN_QUERY } from '../../../electron/shared/httpRoutes';
import { createEventStream } from './eventStream';
import { fileContentHash } from './fileContent';
import type { DropFailure, Host } from './hostTypes';
import { authHeaders, createHttpApi } from './httpApi';
import { offerOutputDownload } from './offerOutputDownload';
import { uploadFile } from './uploadFile';

/** A folder browser answer, or its error message thrown. */
async function browseListing(response: Response, fallback: string): Promise<BrowseListing> {
  const body: unknown = await response.json();
  if (!response.ok) throw new Error((body as { error?: { message?: string } }).error?.message ?? fallback);
  // The schema (and zod) load with the folder browser, not with the page.
  const { BrowseListingSchema } = await import('../../../electron/shared/transport');
  return BrowseListingSchema.parse(body);
}

/** The headless server's host: verbs over HTTP, events over a WebSocket, dropped files uploaded to its inbox. */
export function browserHost(): Host {
  // The printed URL's token is traded for a cookie by the server; keep it if the page still has it.
  const token = new URLSearchParams(window.location.search).get(TOKEN_QUERY);
  const events = createEventStream(token);
  const api = createHttpApi(token, events);
  return {
    kind: 'browser',
    api,
    filesToPaths: async (files) => {
      const paths: string[] = [];
      const failures: DropFailure[] = [];
      // Two at a time: enough to keep the pipe full without starving the page's own API calls.
      const queue = [...files];
      const worker = async () => {
        for (let file = queue.shift(); file; file = queue.shift()) {
          try {
            paths.push((await uploadFile(file, token)).path);
          } catch (error) {
            failures.push({ name: file.name, message: (error as Error).message });
          }
        }
      };
      await Promise.all([worker(), worker()]);
      return { paths, failures };
    },
    releaseHandedOver: async (paths) => {
      if (paths.length > 0) await api.jobs.discardUploads({ paths });
    },
    // By content: the files reach the server only at Start, and their bytes are what the engine counts them by.
    quoteFiles: async (files, profileId) => (files.length === 0 ? null : api.estimate.contents({ contents: await Promise.all(files.map(fileContentHash)), profileId })),
    browseFolders: async (path) => {
      const query = path ? `?path=${encodeURIComponent(path)}` : '';
      const response = await fetch(`${HTTP_ROUTES.browse}${query}`, { headers: authHeaders(token), credentials: 'same-origin' });
      return browseListing(response, 'Cannot list that folder.');
    },
    createFolder: async (parent, name) => {
      const response = await fetch(HTTP_ROUTES.browse, {
        method: 'POST',
        headers: { ...authHeaders(token), 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ parent, name }),
      });
      return browseListing(response, 'Cannot create that folder.');
    },
    dragOutput: (event, output) => offerOutputDownload(event, output),
    onConnectionChange: (listener) => events.onConnectionChange(listener),
  };
}
