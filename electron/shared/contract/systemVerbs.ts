import { z } from 'zod';
import { HostPathSchema, NoInputSchema, OkSchema } from '../schemas/common';
import { DropContentsQuoteInputSchema, DropQuoteInputSchema, DropQuoteSchema, EstimateInputSchema, EstimateSchema } from '../schemas/estimate';
import { QueueStateSchema } from '../schemas/queue';
import { InstanceNameInputSchema, StoreChoiceInputSchema, StoreChoiceSchema } from '../schemas/storeChoice';
import { FalKeyInputSchema, FalKeyStatusSchema, FalKeyTestInputSchema, FalKeyTestSchema, SettingsPatchSchema, SettingsSchema } from '../schemas/settings';
import { verb } from './verb';

/** The queue as a whole. */
export const queueVerbs = {
  state: verb({ summary: 'Running, paused or offline, with counts.', input: NoInputSchema, output: QueueStateSchema }),
  pause: verb({ summary: 'Stops starting new jobs.', input: NoInputSchema, output: QueueStateSchema }),
  resume: verb({ summary: 'Starts jobs again (also after a bad-key pause).', input: NoInputSchema, output: QueueStateSchema }),
};

/** Cost ranges before paying. */
export const estimateVerbs = {
  batch: verb({ summary: 'The min..max cost of running a profile on N files.', input: EstimateInputSchema, output: EstimateSchema }),
  paths: verb({
    summary: "A drop's maximum at fal, counted as jobs.enqueuePaths holds the confirmation threshold to (new images only), and whether it asks.",
    input: DropQuoteInputSchema,
    output: DropQuoteSchema,
  }),
  contents: verb({
    summary: "A drop's quote from its files' contents (sha256 each), counted as estimate.paths counts paths: for files not on the host's disk yet.",
    input: DropContentsQuoteInputSchema,
    output: DropQuoteSchema,
  }),
};

export const settingsVerbs = {
  get: verb({ summary: 'The app settings.', input: NoInputSchema, output: SettingsSchema }),
  update: verb({ summary: 'Changes some settings; answers all of them.', input: SettingsPatchSchema, output: SettingsSchema }),
  store: verb({ summary: 'The job store in use (SQLite or a team PostgreSQL URL, password redacted) and the one saved.', input: NoInputSchema, output: StoreChoiceSchema }),
  setStore: verb({
    summary: 'Saves the team PostgreSQL URL after connecting to it (or null: SQLite); applied at the next start.',
    input: StoreChoiceInputSchema,
    output: StoreChoiceSchema,
  }),
  setInstance: verb({
    summary: "Saves this instance's name in a team (or null: user@host); applied at the next start.",
    input: InstanceNameInputSchema,
    output: StoreChoiceSchema,
  }),
};

/** The fal key: no verb ever answers the key itself. */
export const falKeyVerbs = {
  status: verb({ summary: 'Whether a key is set, and where it is kept.', input: NoInputSchema, output: FalKeyStatusSchema }),
  set: verb({ summary: 'Stores a key (safeStorage in the desktop app).', input: FalKeyInputSchema, output: FalKeyStatusSchema }),
  clear: verb({ summary: 'Forgets the stored key.', input: NoInputSchema, output: FalKeyStatusSchema }),
  test: verb({ summary: 'One authenticated call to fal with a key: valid, invalid or unreachable.', input: FalKeyTestInputSchema, output: FalKeyTestSchema }),
};

const PathInputSchema = z.strictObject({ path: HostPathSchema });

/** The host's file manager. */
export const shellVerbs = {
  openPath: verb({ summary: 'Opens a file or folder with its default app.', input: PathInputSchema, output: OkSchema }),
  revealPath: verb({ summary: 'Shows a file in the file manager.', input: PathInputSchema, output: OkSchema }),
};

/** Native dialogs; a host without them (headless) answers null and the UI uses the server-side browser. */
export const dialogVerbs = {
  pickFolder: verb({
    summary: 'Asks the person for a folder.',
    input: z.strictObject({ title: z.string().max(200).optional() }).optional(),
    output: z.object({ path: z.string().nullable() }),
  }),
};

/**
 * Images for the UI, made by the host so both hosts show them the same way. The host must only read paths it knows
 * (job sources and outputs, the inbox): this verb is not a way to read any file on disk.
 */
export const mediaVerbs = {
  thumbnail: verb({
    summary: 'A small preview of a job source or output as a data URL.',
    input: z.strictObject({ path: HostPathSchema, maxSide: z.int().min(16).max(2048).default(256) }),
    output: z.object({ dataUrl: z.string().startsWith('data:image/') }),
  }),
};
