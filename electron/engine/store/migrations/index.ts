import { initialSchema } from './001_initial_schema';
import { jobQueryIndexes } from './002_job_query_indexes';
import { pathLookupIndexes } from './003_path_lookup_indexes';
import { spendLedger } from './004_spend_ledger';
import { falSubmits } from './005_fal_submits';
import { outputPreflight } from './006_output_preflight';
import { outputLayouts } from './007_output_layouts';
import { skippedDuplicates } from './008_skipped_duplicates';
import { sourceMarks } from './009_source_marks';
import { outputVersions } from './010_output_versions';
import { team } from './011_team';
import { versionCauses } from './012_version_causes';
import { versionMakers } from './013_version_makers';
import { reviewFirst } from './014_review_first';
import { teamPresets } from './015_team_presets';
import { outputVariants } from './016_output_variants';
import { variantSets } from './017_variant_sets';
import { decidedAhead } from './018_decided_ahead';
import { outputNames } from './019_output_names';
import type { Migration } from './migration';

/** Every migration of the job database, in order. Append new ones here; never edit or renumber old ones. */
export const JOB_DB_MIGRATIONS: readonly Migration[] = [
  initialSchema,
  jobQueryIndexes,
  pathLookupIndexes,
  spendLedger,
  falSubmits,
  outputPreflight,
  outputLayouts,
  skippedDuplicates,
  sourceMarks,
  outputVersions,
  team,
  versionCauses,
  versionMakers,
  reviewFirst,
  teamPresets,
  outputVariants,
  variantSets,
  decidedAhead,
  outputNames,
];
