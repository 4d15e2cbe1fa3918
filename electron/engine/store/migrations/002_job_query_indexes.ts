import type { Migration } from './migration';

/**
 * Indexes for the History page's keyset paging (newest first) with its filters, and for the scheduler's pick of
 * runnable jobs. Each ends in (created_at, id) so paging by that pair reads the index in order without sorting.
 */
export const jobQueryIndexes: Migration = {
  version: 2,
  name: 'job_query_indexes',
  up: `
    CREATE INDEX jobs_created ON jobs (created_at, id);
    CREATE INDEX jobs_state_created ON jobs (state, created_at, id);
    CREATE INDEX jobs_folder_created ON jobs (folder_id, created_at, id);
    CREATE INDEX jobs_profile_created ON jobs (profile_id, created_at, id);
  `,
};
