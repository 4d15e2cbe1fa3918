import { z } from 'zod';
import { DEFAULT_PIXEL_LIMIT } from '../decode/types';
import { COLLISION_POLICIES } from '../../domain/outputFormats';
import { DEFAULT_NAMING_TEMPLATE } from '../output/namingTemplate';

/** A watched ("hot") folder: images landing in it are resized with its profile. */
export const WatchedFolderSchema = z.object({
  id: z.string().min(1),
  path: z.string().min(1),
  profileId: z.string().min(1),
  enabled: z.boolean().default(true),
  /** Include subfolders (mirrored in the outputs). */
  recursive: z.boolean().default(false),
  /**
   * Poll instead of OS events, for network shares, where events do not arrive: true / false as chosen; null (not
   * chosen) polls exactly when the folder is on a network filesystem (SMB, NFS, sshfs...).
   */
  polling: z.boolean().nullable().default(null),
  /** A trusted folder's bursts are not held for confirmation (spend control). */
  trusted: z.boolean().default(false),
  /** Shared with the team through its database (PostgreSQL, issue 15): the other instances watch it too. */
  shared: z.boolean().optional(),
  /**
   * Review first: each file found is made locally (free) and waits in awaiting_approval with fal's quote; nothing
   * goes to fal until the person approves. Absent in files written before it existed: off.
   */
  reviewFirst: z.boolean().optional(),
});

/** Everything a user can set, with safe defaults. The fal key is NOT here: it lives in a key store. */
export const SettingsSchema = z.object({
  /** Requests run at once; fal runs 2 for a new account. */
  concurrency: z.number().int().min(1).max(40).default(2),
  /** 'fal' uses fal where a profile's sizes ask for it and a key exists; 'local' never calls fal. */
  defaultProvider: z.enum(['fal', 'local']).default('fal'),
  /** Defaults for new profiles and for drops without one. */
  namingTemplate: z.string().min(1).default(DEFAULT_NAMING_TEMPLATE),
  collisionPolicy: z.enum(COLLISION_POLICIES).default('suffix'),
  /** Route fal calls through this proxy (FAL_PROXY_URL also sets it). */
  falProxyUrl: z.string().url().optional(),
  /** The decompression-bomb guard: images with more pixels are refused. */
  pixelLimit: z.number().int().min(1).default(DEFAULT_PIXEL_LIMIT),
  /**
   * The longest a fal request may take from its submit before it is cancelled at fal and retried (or failed with
   * "fal did not finish in time"). Deadlines learned from recent run times stay below it.
   */
  falDeadlineSeconds: z.number().int().min(1).max(3600).default(600),
  /** How long a file's size and mtime must stay still before it is taken. */
  settleMs: z.number().int().min(50).max(60_000).default(2000),
  folders: z.array(WatchedFolderSchema).default([]),
  /** Spend caps in whole US cents (null: no cap). The day and month are the computer's local calendar ones. */
  dailyCapCents: z.number().int().min(0).nullable().default(null),
  monthlyCapCents: z.number().int().min(0).nullable().default(null),
  /** A cap per watched folder on what that folder's jobs spend in the current calendar month. */
  folderCaps: z.array(z.object({ folderId: z.string().min(1), capCents: z.number().int().min(0) })).default([]),
  /** A hot folder receiving more than `burstFiles` files within `burstWindowMinutes` holds them until confirmed. */
  burstFiles: z.number().int().min(1).max(100_000).default(20),
  burstWindowMinutes: z.number().int().min(1).max(1440).default(1),
  /** A drop whose paid work may cost more than this asks first, showing the maximum (null: never ask). */
  confirmAboveCents: z.number().int().min(0).nullable().default(2000),
  /**
   * The job store chosen in Settings: a team's postgres:// URL, absent for SQLite in the data folder. Read at start
   * (`--store` and SMART_RESIZE_STORE override it).
   */
  store: z.string().optional(),
  /**
   * This instance's name in a team chosen in Settings ("made by" in History), absent for `user@host`. Read at start
   * (`--instance` and SMART_RESIZE_INSTANCE override it): claims and leases are held under the name in use.
   */
  instanceName: z.string().optional(),
  closeToTray: z.boolean().default(true),
  startAtLogin: z.boolean().default(false),
});

export type WatchedFolder = z.output<typeof WatchedFolderSchema>;
export type Settings = z.output<typeof SettingsSchema>;
export type SettingsPatch = Partial<Omit<z.input<typeof SettingsSchema>, 'folders'>>;
