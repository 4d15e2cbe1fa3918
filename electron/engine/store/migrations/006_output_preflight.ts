import type { Migration } from './migration';

/**
 * Each output's encoding and its preflight verdict (issue 12): `format` as written (`auto` profiles decide it per
 * output), `preflight` the JSON PreflightResult, `preflight_status` its worst check, so History and the Folders and
 * Spend pages count passes without parsing JSON. Outputs written before this are NULL: never checked.
 */
export const outputPreflight: Migration = {
  version: 6,
  name: 'output_preflight',
  up: `
    ALTER TABLE job_outputs ADD COLUMN format TEXT;
    ALTER TABLE job_outputs ADD COLUMN preflight TEXT CHECK (preflight IS NULL OR json_valid(preflight));
    ALTER TABLE job_outputs ADD COLUMN preflight_status TEXT CHECK (preflight_status IS NULL OR preflight_status IN ('pass', 'warn', 'fail'));
    CREATE INDEX job_outputs_preflight_status ON job_outputs (preflight_status);
  `,
};
