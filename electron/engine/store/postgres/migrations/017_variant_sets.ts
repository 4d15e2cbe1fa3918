import type { PgMigration } from './pgMigration';

/**
 * SQLite's 017: fal's variants in sets (the request's batch index; 0 for rows kept before), each version's set and
 * variant (NULL for a local making), and the `preview` cause. PostgreSQL alters in place where SQLite rebuilds.
 */
export const pgVariantSets: PgMigration = {
  version: 17,
  name: 'variant_sets',
  up: `
    ALTER TABLE output_variants ADD COLUMN variant_set INTEGER NOT NULL DEFAULT 0 CHECK (variant_set >= 0);
    ALTER TABLE output_variants DROP CONSTRAINT output_variants_pkey;
    ALTER TABLE output_variants ADD PRIMARY KEY (job_id, target, variant_set, variant);

    ALTER TABLE output_versions DROP CONSTRAINT output_versions_cause_check;
    ALTER TABLE output_versions ADD CONSTRAINT output_versions_cause_check
      CHECK (cause IN ('run', 'nudge', 'restore', 'method', 'pick', 'fal_rerun', 'marks', 'preview'));
    ALTER TABLE output_versions ADD COLUMN variant_set INTEGER CHECK (variant_set IS NULL OR variant_set >= 0);
    ALTER TABLE output_versions ADD COLUMN variant INTEGER;
    ALTER TABLE output_versions ADD CONSTRAINT output_versions_variant_check
      CHECK ((variant IS NULL) = (variant_set IS NULL) AND (variant IS NULL OR variant >= 0));
  `,
};
