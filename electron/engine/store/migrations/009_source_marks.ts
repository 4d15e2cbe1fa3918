import type { Migration } from './migration';

/**
 * The user's focal point and keep boxes per source content (issue 13): one row per content hash, so a renamed or
 * copied file keeps them. `marks` is the JSON UserMarks (shares of the upright source), `updated_at` when they were
 * set (the newer of this row and the source's XMP sidecar wins).
 */
export const sourceMarks: Migration = {
  version: 9,
  name: 'source_marks',
  up: `
    CREATE TABLE source_marks (
      content_hash TEXT PRIMARY KEY,
      marks        TEXT NOT NULL CHECK (json_valid(marks)),
      updated_at   INTEGER NOT NULL
    );
  `,
};
