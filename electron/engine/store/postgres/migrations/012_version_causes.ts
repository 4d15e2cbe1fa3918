import type { PgMigration } from './pgMigration';

/** SQLite's 012: output versions may also be a `method` switch or a `pick` of another fal variant. */
export const pgVersionCauses: PgMigration = {
  version: 12,
  name: 'version_causes',
  up: `
    ALTER TABLE output_versions DROP CONSTRAINT output_versions_cause_check;
    ALTER TABLE output_versions ADD CONSTRAINT output_versions_cause_check CHECK (cause IN ('run', 'nudge', 'restore', 'method', 'pick'));
  `,
};
