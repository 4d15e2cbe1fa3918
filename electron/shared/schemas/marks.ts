import { z } from 'zod';
import { CentsSchema, IdSchema, TimestampSchema } from './common';

const Share = z.number().min(0, 'Marks are shares of the image: 0 or more.').max(1, 'Marks are shares of the image: 1 or less.');

/** A box to keep whole, as shares of the upright source (left, top, width, height). */
const KeepBoxSchema = z
  .strictObject({ left: Share, top: Share, width: Share.positive('A keep box needs a width.'), height: Share.positive('A keep box needs a height.') })
  .refine((box) => box.left + box.width <= 1.000001 && box.top + box.height <= 1.000001, 'A keep box must lie inside the image.');

/** The user's focal point and keep boxes on one source, as shares of its upright width and height. */
export const UserMarksSchema = z.strictObject({
  focus: z.strictObject({ x: Share, y: Share }).optional(),
  keep: z.array(KeepBoxSchema).max(20, 'At most 20 keep boxes.'),
});

/** Input of marks.get. */
export const JobMarksQuerySchema = z.strictObject({ jobId: IdSchema });

/** A job's source marks as stored (per content hash), and where its XMP sidecar is. */
export const JobMarksSchema = z.object({
  marks: UserMarksSchema.nullable(),
  updatedAt: TimestampSchema.nullable(),
  sidecarPath: z.string(),
});

/** Input of marks.set: new marks for the source of a job. */
export const SetJobMarksSchema = z.strictObject({ jobId: IdSchema, marks: UserMarksSchema });

/** What setting marks did: sizes made again locally (free), and the price of re-running the job's fal sizes. */
export const SetJobMarksResultSchema = JobMarksSchema.extend({
  remade: z.array(z.string()),
  /** The job's sizes fal made, with the price range of making them again and why it is a range; null when fal made none. */
  falRerun: z.object({ sizes: z.array(z.string()), minCents: CentsSchema, maxCents: CentsSchema, reason: z.string().nullable() }).nullable(),
  /** Anything the user should know (the sidecar could not be written, the source changed). */
  notes: z.array(z.string()),
});

/** The user's marks on one source (focal point, keep boxes), shares of its upright size. */
export type UserMarks = z.infer<typeof UserMarksSchema>;

/** What marks.set answers. */
export type SetJobMarksResult = z.infer<typeof SetJobMarksResultSchema>;

/** The job's fal sizes re-run at fal after its marks were set, one request each (fal's smart-resize takes no marks). */
export const RerunFalSizesResultSchema = z.object({
  sizes: z.array(z.object({ size: z.string(), version: z.int().positive(), requestId: z.string(), costCents: z.int().nonnegative() })),
  /** What the ledger recorded for them together. */
  costCents: z.int().nonnegative(),
  /** Why the marks do not steer fal itself. */
  note: z.string(),
});

export type RerunFalSizesResult = z.infer<typeof RerunFalSizesResultSchema>;
