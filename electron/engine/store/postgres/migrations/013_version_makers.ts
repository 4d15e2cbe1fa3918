import type { PgMigration } from './pgMigration';

/**
 * SQLite's 013: each output version records who made it (provider, fal's tier), and the causes widen to
 * `fal_rerun` and `marks`. PostgreSQL swaps the CHECK in place where SQLite rebuilds the table;
 * earlier versions get their maker the same way (a nudge, a method switch or a local layout: local; else fal, with the output's tier).
 */
export const pgVersionMakers: PgMigration = {
  version: 13,
  name: 'version_makers',
  up: `
    ALTER TABLE output_versions DROP CONSTRAINT output_versions_cause_check;
    ALTER TABLE output_versions ADD CONSTRAINT output_versions_cause_check
      CHECK (cause IN ('run', 'nudge', 'restore', 'method', 'pick', 'fal_rerun', 'marks'));
    ALTER TABLE output_versions ADD COLUMN provider TEXT;
    ALTER TABLE output_versions ADD COLUMN tier TEXT;
    UPDATE output_versions SET provider = CASE WHEN cause IN ('nudge', 'method') OR layout IS NOT NULL THEN 'local' ELSE 'fal' END;
    UPDATE output_versions v SET tier = o.tier FROM job_outputs o
      WHERE v.provider = 'fal' AND o.job_id = v.job_id AND o.target = v.target AND o.image_index = v.image_index AND o.provider = 'fal';
    ALTER TABLE output_versions ALTER COLUMN provider SET NOT NULL;
    ALTER TABLE output_versions ADD CONSTRAINT output_versions_provider_check CHECK (provider IN ('fal', 'local'));
  `,
};
