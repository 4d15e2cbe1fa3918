import { z } from 'zod';
import { FolderStatusChangeSchema } from './folder';
import { JobChangeSchema } from './job';
import { QueueStateSchema } from './queue';

/**
 * Something the person should hear about that is not a job's own state: a file in a watched folder that could not
 * be read (it never became a job), a burst of files held before spending, a budget cap reached.
 */
const NoticeSchema = z.object({
  /**
   * `file`: a watched folder's file could not be read; `burst`: files held before spending; `budget`: a cap hold;
   * `store`: the team database stopped or started answering.
   */
  kind: z.enum(['file', 'burst', 'budget', 'store']),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  folderId: z.string().optional(),
  path: z.string().optional(),
});

/**
 * What hosts push to every UI. A `job.changed` for an id the UI has not seen means a new job: the UI refetches.
 */
export const ApiEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job.changed'), job: JobChangeSchema }),
  z.object({ type: z.literal('queue.changed'), queue: QueueStateSchema }),
  z.object({ type: z.literal('folder.changed'), folder: FolderStatusChangeSchema }),
  z.object({ type: z.literal('notice'), notice: NoticeSchema }),
]);

export type ApiEvent = z.infer<typeof ApiEventSchema>;
export type Notice = z.infer<typeof NoticeSchema>;
