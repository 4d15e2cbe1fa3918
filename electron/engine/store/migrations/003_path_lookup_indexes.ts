import type { Migration } from './migration';

/**
 * Indexes so the hosts can check in one lookup that a path the UI asks about (thumbnail, reveal, open) is a job's
 * source or output: the UI may only reach files the app itself handled.
 */
export const pathLookupIndexes: Migration = {
  version: 3,
  name: 'path_lookup_indexes',
  up: `
    CREATE INDEX jobs_source_path ON jobs (source_path);
    CREATE INDEX job_outputs_path ON job_outputs (path);
  `,
};
