import { z } from 'zod';
import { ByIdSchema, IdSchema, NoInputSchema, OkSchema } from '../schemas/common';
import { ProfileDraftSchema, ProfileImportSchema, ProfilePresetSchema, ProfileSchema } from '../schemas/profile';
import { verb } from './verb';

/** Profiles: the saved size sets and smart-resize options jobs run with. */
export const profileVerbs = {
  list: verb({ summary: 'Every profile, built-in ones included.', input: NoInputSchema, output: z.array(ProfileSchema) }),
  get: verb({ summary: 'One profile by id.', input: ByIdSchema, output: ProfileSchema }),
  presets: verb({ summary: 'The built-in starting points.', input: NoInputSchema, output: z.array(ProfilePresetSchema) }),
  create: verb({ summary: 'Saves a new profile.', input: z.strictObject({ draft: ProfileDraftSchema }), output: ProfileSchema }),
  update: verb({
    summary: 'Saves an edit as a new version of the profile.',
    input: z.strictObject({ id: IdSchema, draft: ProfileDraftSchema }),
    output: ProfileSchema,
  }),
  remove: verb({ summary: 'Deletes a profile no folder uses.', input: ByIdSchema, output: OkSchema }),
  share: verb({
    summary: 'Shares a profile with the team (a team preset, through the PostgreSQL store): its edits reach every instance.',
    input: ByIdSchema,
    output: ProfileSchema,
  }),
  stopSharing: verb({
    summary: 'Takes a team preset out of the team for every instance; each instance keeps the profile as its own.',
    input: ByIdSchema,
    output: ProfileSchema,
  }),
  createFromPreset: verb({
    summary: 'Saves a new profile copied from a preset, optionally renamed.',
    input: z.strictObject({ presetId: IdSchema, name: z.string().trim().min(1).max(80).optional() }),
    output: ProfileSchema,
  }),
  import: verb({
    summary: 'Saves a profile from exported JSON text; a taken name is reported, kept beside, or replaced as asked.',
    input: z.strictObject({
      json: z.string().min(2, 'The file is empty.').max(1_000_000, 'The file is too large to be a profile.'),
      /**
       * When a different profile already has the file's name: `ask` saves nothing and answers `conflict` with that
       * profile; `keep_both` saves the file as "Name (imported)"; `replace` saves it as that profile's next version.
       */
      ifExists: z.enum(['ask', 'keep_both', 'replace']).default('ask'),
    }),
    output: ProfileImportSchema,
  }),
  export: verb({
    summary: 'A profile as JSON text, with a file name to save it under.',
    input: ByIdSchema,
    output: z.object({ fileName: z.string(), json: z.string() }),
  }),
};
