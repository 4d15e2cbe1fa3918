import type { Migration } from './migration';

/**
 * Output names as a case-insensitive share sees them (issue 15): one row per name given, its folded form (NFC, case
 * folded) the key, so two sources never get names that differ only by case (`Banner.jpg`, `banner.JPG`) and two
 * instances writing at once agree on who has which. `desired_path` is what the template gave; `path` the name the
 * output got (it, or "name (2)"); a re-run of the same source and template finds it again.
 */
export const outputNames: Migration = {
  version: 19,
  name: 'output_names',
  up: `
    CREATE TABLE output_names (
      folded_path  TEXT PRIMARY KEY,
      path         TEXT NOT NULL,
      source_path  TEXT NOT NULL,
      desired_path TEXT NOT NULL,
      claimed_at   INTEGER NOT NULL,
      UNIQUE (source_path, desired_path)
    );
  `,
};
