import { z } from 'zod';
import { HostPathSchema, IdSchema } from './common';

/** One file of a job: an output, or the app's copy of an earlier version of one. */
export const JobFileRefSchema = z.strictObject({ jobId: IdSchema, path: HostPathSchema });

/** An image as the page shows it at 1:1: its exact bytes as a data URL, and its pixel size. */
export const FullImageSchema = z.object({
  dataUrl: z.string(),
  width: z.int().positive(),
  height: z.int().positive(),
  bytes: z.int().nonnegative(),
});

export type FullImage = z.infer<typeof FullImageSchema>;
