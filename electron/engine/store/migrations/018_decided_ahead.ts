import type { Migration } from './migration';

/**
 * A batch's approval (or refusal) given while some of its review-first jobs are still making their previews
 * (issue 14): recorded on the job's intake options and applied the moment its quotes are, so those jobs go straight
 * on to fal (or finish with their previews) instead of waiting for a second approval. `ahead_sizes` is a JSON array
 * of "WxH", NULL for every paid size. NULL `ahead_decision`: nothing decided ahead.
 */
export const decidedAhead: Migration = {
  version: 18,
  name: 'decided_ahead',
  up: `
    ALTER TABLE job_options ADD COLUMN ahead_decision TEXT CHECK (ahead_decision IS NULL OR ahead_decision IN ('approved', 'declined'));
    ALTER TABLE job_options ADD COLUMN ahead_sizes TEXT CHECK (ahead_sizes IS NULL OR json_valid(ahead_sizes));
  `,
};
