import { z } from 'zod';
import { HostPathSchema, IdSchema } from './common';
import { PreflightCountsSchema } from './preflight';
import { WATCH_METHODS } from '../../domain/watchMethods';

/**
 * Live state of a watched folder: `standby` when the folder is gone (unplugged drive, lost share) and will resume by
 * itself, `error` when the watcher failed, `disabled` when the person switched it off.
 */
const FolderStatusSchema = z.enum(['watching', 'standby', 'error', 'disabled']);

/** Jobs of one folder by outcome; `waiting` counts every job not finished yet. */
const FolderCountsSchema = z.object({
  waiting: z.int().nonnegative(),
  done: z.int().nonnegative(),
  failed: z.int().nonnegative(),
  /** Copies of images already made with the folder's profile, recorded in History and not paid for. */
  skipped: z.int().nonnegative().optional(),
  /** The folder's outputs by preflight verdict as first written (how many an ad platform would take at once). */
  preflight: PreflightCountsSchema.optional(),
});

/** The settings a person chooses for a watched folder. */
export const FolderSettingsSchema = z.object({
  path: HostPathSchema,
  profileId: IdSchema,
  enabled: z.boolean(),
  recursive: z.boolean(),
  /**
   * Polling instead of native events, for network shares where events do not arrive: true / false as chosen; null
   * (not chosen) polls exactly when the folder is on a network filesystem.
   */
  polling: z.boolean().nullable(),
  /** Trusted folders skip the burst hold of the spend guard. */
  trusted: z.boolean(),
  /** Shared with the team (PostgreSQL store): every instance watches it; whether it is on stays each one's own. */
  shared: z.boolean().optional(),
  /** Review first: files found are made locally and wait for approval (with fal's quote) before anything goes to fal. */
  reviewFirst: z.boolean().optional(),
});

/** A watched folder with its live status. */
export const FolderSchema = FolderSettingsSchema.extend({
  id: IdSchema,
  status: FolderStatusSchema,
  /** Why the folder is in standby or error, in words for the person; null otherwise. */
  statusReason: z.string().nullable(),
  counts: FolderCountsSchema,
  /** How the folder is watched while watching (`network_polling`: polled because it is on a network share); absent otherwise. */
  watchMethod: z.enum(WATCH_METHODS).optional(),
});

/** What changes when a folder's status or counts change (also the payload of the folder event). */
export const FolderStatusChangeSchema = FolderSchema.pick({ id: true, status: true, statusReason: true, counts: true, watchMethod: true });

export type FolderStatus = z.infer<typeof FolderStatusSchema>;
export type FolderSettings = z.infer<typeof FolderSettingsSchema>;
export type Folder = z.infer<typeof FolderSchema>;
