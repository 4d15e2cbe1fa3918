import { z } from 'zod';
import { ByIdSchema, HostPathSchema, IdSchema, NoInputSchema, OkSchema } from '../schemas/common';
import { FolderSchema, FolderSettingsSchema } from '../schemas/folder';
import { verb } from './verb';

/** Watched folders: where images land to be resized with the folder's profile. */
export const folderVerbs = {
  list: verb({ summary: 'Every watched folder with its live status and counts.', input: NoInputSchema, output: z.array(FolderSchema) }),
  add: verb({
    summary: 'Starts watching a folder (a full path, or ~/...); a missing one is refused unless createIfMissing.',
    input: z.strictObject({
      path: HostPathSchema,
      profileId: IdSchema,
      enabled: z.boolean().default(true),
      recursive: z.boolean().default(false),
      /** Unset (null): polled exactly when the folder is on a network share. */
      polling: z.boolean().nullable().default(null),
      trusted: z.boolean().default(false),
      /** Shared with the team (PostgreSQL store): every instance of the team watches it too. */
      shared: z.boolean().optional(),
      /** Files found are made locally first and wait for approval before anything goes to fal. */
      reviewFirst: z.boolean().optional(),
      /** Create the folder (and its parents) when it does not exist, rather than refusing with `folder_not_found`. */
      createIfMissing: z.boolean().default(false),
    }),
    output: FolderSchema,
  }),
  update: verb({
    summary: "Changes a folder's settings.",
    input: z.strictObject({ id: IdSchema, patch: FolderSettingsSchema.partial().strict() }),
    output: FolderSchema,
  }),
  remove: verb({ summary: 'Stops watching a folder; its history stays.', input: ByIdSchema, output: OkSchema }),
};
