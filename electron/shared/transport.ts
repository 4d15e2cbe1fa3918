import { z } from 'zod';
import type { VerbName } from './contract/types';
import { HostPathSchema, IdSchema } from './schemas/common';

/** IPC channel of a verb: one channel per verb, all answered by one checked handler in the main process. */
export function ipcChannelFor(verb: VerbName): string {
  return `api:${verb}`;
}

/** IPC channel the main process sends events on. */
export const IPC_EVENT_CHANNEL = 'api:event';

/**
 * IPC channel of "drag this output out of the window" (a one-way message, sent from the page's dragstart: the
 * native drag must begin while the mouse button is still down, so nothing waits for an answer).
 */
export const IPC_OUTPUT_DRAG_CHANNEL = 'api:output-drag';

/** One recorded output of a job, named by the job and the output's path: what may be dragged out or downloaded. */
export const OutputRefSchema = z.strictObject({ jobId: IdSchema, path: HostPathSchema });

export { HTTP_ROUTES, TOKEN_COOKIE, TOKEN_QUERY } from './httpRoutes';

/** One folder of the server-side folder browser. */
export const BrowseListingSchema = z.object({
  path: z.string(),
  /** Null at the home folder or another allowed root: the browser goes no higher. */
  parent: z.string().nullable(),
  folders: z.array(z.object({ name: z.string(), path: z.string() })),
  /** Every place the browser may show: the home folder first, then folders the server was started to allow. */
  roots: z.array(z.string()),
});

/** What an upload answers: where the file was saved, to pass on to `jobs.enqueuePaths`. */
export const UploadResultSchema = z.object({ path: z.string(), name: z.string(), bytes: z.int().nonnegative() });

export type BrowseListing = z.infer<typeof BrowseListingSchema>;
export type UploadResult = z.infer<typeof UploadResultSchema>;
export type OutputRef = z.infer<typeof OutputRefSchema>;
