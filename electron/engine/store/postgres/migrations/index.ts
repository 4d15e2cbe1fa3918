import { pgInitialSchema } from './001_initial_schema';
import { pgJobQueryIndexes } from './002_job_query_indexes';
import { pgPathLookupIndexes } from './003_path_lookup_indexes';
import { pgSpendLedger } from './004_spend_ledger';
import { pgFalSubmits } from './005_fal_submits';
import { pgOutputPreflight } from './006_output_preflight';
import { pgOutputLayouts } from './007_output_layouts';
import { pgSkippedDuplicates } from './008_skipped_duplicates';
import { pgSourceMarks } from './009_source_marks';
import { pgOutputVersions } from './010_output_versions';
import { pgTeam } from './011_team';
import { pgVersionCauses } from './012_version_causes';
import { pgVersionMakers } from './013_version_makers';
import { pgReviewFirst } from './014_review_first';
import { pgTeamPresets } from './015_team_presets';
import { pgOutputVariants } from './016_output_variants';
import { pgVariantSets } from './017_variant_sets';
import { pgDecidedAhead } from './018_decided_ahead';
import { pgOutputNames } from './019_output_names';
import type { PgMigration } from './pgMigration';

/** Every migration of the PostgreSQL job database, numbered as SQLite's. Append; never edit or renumber. */
export const PG_JOB_DB_MIGRATIONS: readonly PgMigration[] = [
  pgInitialSchema,
  pgJobQueryIndexes,
  pgPathLookupIndexes,
  pgSpendLedger,
  pgFalSubmits,
  pgOutputPreflight,
  pgOutputLayouts,
  pgSkippedDuplicates,
  pgSourceMarks,
  pgOutputVersions,
  pgTeam,
  pgVersionCauses,
  pgVersionMakers,
  pgReviewFirst,
  pgTeamPresets,
  pgOutputVariants,
  pgVariantSets,
  pgDecidedAhead,
  pgOutputNames,
];
