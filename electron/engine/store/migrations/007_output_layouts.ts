import type { Migration } from './migration';

/**
 * Each locally made output's layout (issue 14): the JSON OutputLayout (method, fill, the window of the target's
 * aspect ratio over the source and the part of the source shown, in upright source pixels). The job view draws it
 * as the size's frame on the source and compares the output with that region. NULL for fal's recompositions and
 * for outputs written before this.
 */
export const outputLayouts: Migration = {
  version: 7,
  name: 'output_layouts',
  up: `
    ALTER TABLE job_outputs ADD COLUMN layout TEXT CHECK (layout IS NULL OR json_valid(layout));
  `,
};
