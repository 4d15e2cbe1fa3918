import { z } from 'zod';
import { FolderStatusChangeSchema } from './folder';
import { JobChangeSchema } from './job';
import { QueueStateSchema } from './queue';

/**
 * What hosts push to every UI. A `job.changed` for an id the UI has not seen means a new job: the UI refetches.
 */
export const ApiEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job.changed'), job: JobChangeSchema }),
  z.object({ type: z.literal('queue.changed'), queue: QueueStateSchema }),
  z.object({ type: z.literal('folder.changed'), folder: FolderStatusChangeSchema }),
]);

export type ApiEvent = z.infer<typeof ApiEventSchema>;
export type ApiEventType = ApiEvent['type'];
