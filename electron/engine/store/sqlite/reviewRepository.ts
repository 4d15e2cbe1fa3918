import { FINISHED_JOB_STATES, type JobState } from '../../../domain/jobStates';
import type { DecisionAhead, JobOptions, OpenReview, SizeApproval, SizeDecision, SizeQuote } from '../reviewRepositories';
import { allRows, getRow, run } from './sqlite';
import type { StoreContext } from './storeContext';

interface ApprovalRow {
  job_id: string;
  size: string;
  decision: SizeDecision;
  min_cents: number;
  max_cents: number;
  reason: string | null;
  quoted_at: number;
  decided_at: number | null;
}

/** Shared with PostgreSQL's repository: a size already quoted keeps its row and decision. */
export const INSERT_QUOTE = `INSERT INTO size_approvals (job_id, size, decision, min_cents, max_cents, reason, position, quoted_at)
  VALUES (:jobId, :size, 'pending', :minCents, :maxCents, :reason, :position, :quotedAt) ON CONFLICT (job_id, size) DO NOTHING`;

/** Shared with PostgreSQL's repository: a decision ahead on the job's options row (made at intake). */
export const SET_AHEAD = 'UPDATE job_options SET ahead_decision = :decision, ahead_sizes = :sizes WHERE job_id = :jobId';
export const SELECT_OPTIONS = 'SELECT review_first, output_root, ahead_decision, ahead_sizes FROM job_options WHERE job_id = :jobId';

/** Shared with PostgreSQL's repository: the review-first jobs not finished, oldest first, and whether quoted. */
export const SELECT_OPEN_REVIEWS = `SELECT j.id AS job_id, j.state, o.ahead_decision, o.ahead_sizes,
    CASE WHEN EXISTS (SELECT 1 FROM size_approvals a WHERE a.job_id = j.id) THEN 1 ELSE 0 END AS quoted
  FROM jobs j JOIN job_options o ON o.job_id = j.id
  WHERE o.review_first = 1 AND j.state NOT IN (${FINISHED_JOB_STATES.map((state) => `'${state}'`).join(', ')})
  ORDER BY j.created_at, j.id`;

/** A row of SELECT_OPEN_REVIEWS. */
export interface OpenReviewRow {
  job_id: string;
  state: JobState;
  quoted: number;
  ahead_decision: DecisionAhead['decision'] | null;
  ahead_sizes: string | null;
}

/** A SELECT_OPEN_REVIEWS row as the interface's record (shared with PostgreSQL's repository). */
export function toOpenReview(row: OpenReviewRow): OpenReview {
  const open = { jobId: row.job_id, state: row.state, quoted: Number(row.quoted) === 1 };
  if (row.ahead_decision === null) return open;
  return { ...open, ahead: { decision: row.ahead_decision, sizes: row.ahead_sizes === null ? null : (JSON.parse(row.ahead_sizes) as string[]) } };
}

/** A job_options row. */
export interface OptionsRow {
  review_first: number;
  output_root: string | null;
  ahead_decision: DecisionAhead['decision'] | null;
  ahead_sizes: string | null;
}

/** A job_options row as the interface's record (shared with PostgreSQL's repository). */
export function toJobOptions(row: OptionsRow): JobOptions {
  const options = { reviewFirst: row.review_first === 1, outputRoot: row.output_root };
  if (row.ahead_decision === null) return options;
  return { ...options, ahead: { decision: row.ahead_decision, sizes: row.ahead_sizes === null ? null : (JSON.parse(row.ahead_sizes) as string[]) } };
}

/** Review first on SQLite: each job's intake options and each paid size's quote and decision (ReviewRepository). */
export class SqliteReviewRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Records a job's intake options (call in the transaction that created the job). */
  setJobOptions(jobId: string, options: JobOptions): void {
    run(
      this.ctx.db,
      `INSERT INTO job_options (job_id, review_first, output_root) VALUES (:jobId, :reviewFirst, :outputRoot)
       ON CONFLICT (job_id) DO UPDATE SET review_first = excluded.review_first, output_root = excluded.output_root`,
      { jobId, reviewFirst: options.reviewFirst ? 1 : 0, outputRoot: options.outputRoot },
    );
  }

  /** Records (or replaces) a decision ahead for a job still previewing. */
  decideAhead(jobId: string, ahead: DecisionAhead): void {
    run(this.ctx.db, SET_AHEAD, { jobId, decision: ahead.decision, sizes: ahead.sizes === null ? null : JSON.stringify(ahead.sizes) });
  }

  /** The job's intake options, or undefined for an ordinary job. */
  jobOptions(jobId: string): JobOptions | undefined {
    const row = getRow<OptionsRow>(this.ctx.db, SELECT_OPTIONS, { jobId });
    return row && toJobOptions(row);
  }

  /** Records pending quotes; a size already quoted keeps its row. */
  addQuotes(jobId: string, quotes: readonly SizeQuote[]): void {
    const quotedAt = this.ctx.now();
    quotes.forEach((quote, position) => {
      run(this.ctx.db, INSERT_QUOTE, { jobId, size: quote.size, minCents: quote.minCents, maxCents: quote.maxCents, reason: quote.reason, position, quotedAt });
    });
  }

  /** Every quoted size of the job, in the order quoted. */
  listApprovals(jobId: string): SizeApproval[] {
    return allRows<ApprovalRow>(this.ctx.db, 'SELECT * FROM size_approvals WHERE job_id = :jobId ORDER BY quoted_at, position', { jobId }).map(toApproval);
  }

  /** Every review-first job not finished, oldest first. */
  openReviews(): OpenReview[] {
    return allRows<OpenReviewRow>(this.ctx.db, SELECT_OPEN_REVIEWS, {}).map(toOpenReview);
  }

  /** Decides the pending sizes (all, or only `sizes`); returns the sizes decided now. */
  decide(jobId: string, decision: Exclude<SizeDecision, 'pending'>, sizes?: readonly string[]): string[] {
    const pending = this.listApprovals(jobId).filter((row) => row.decision === 'pending' && (!sizes || sizes.includes(row.size)));
    const decidedAt = this.ctx.now();
    for (const row of pending) {
      run(this.ctx.db, `UPDATE size_approvals SET decision = :decision, decided_at = :decidedAt WHERE job_id = :jobId AND size = :size AND decision = 'pending'`, {
        jobId,
        size: row.size,
        decision,
        decidedAt,
      });
    }
    return pending.map((row) => row.size);
  }
}

/** A size_approvals row as the interface's record (shared with PostgreSQL's repository). */
export function toApproval(row: ApprovalRow): SizeApproval {
  return {
    jobId: row.job_id,
    size: row.size,
    decision: row.decision,
    minCents: row.min_cents,
    maxCents: row.max_cents,
    reason: row.reason,
    quotedAt: row.quoted_at,
    decidedAt: row.decided_at,
  };
}

export type { ApprovalRow };
