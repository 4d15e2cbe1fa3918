import type { DecisionAhead, JobOptions, OpenReview, ReviewRepository, SizeApproval, SizeDecision, SizeQuote } from '../reviewRepositories';
import {
  INSERT_QUOTE,
  SELECT_OPEN_REVIEWS,
  SELECT_OPTIONS,
  SET_AHEAD,
  toApproval,
  toJobOptions,
  toOpenReview,
  type ApprovalRow,
  type OpenReviewRow,
  type OptionsRow,
} from '../sqlite/reviewRepository';
import type { PgContext } from './pgContext';
import { pgRow, pgRows, pgRun } from './pgSql';

/** Review first on PostgreSQL: each job's intake options and each paid size's quote and decision, for the team. */
export class PgReviewRepository implements ReviewRepository {
  constructor(private readonly ctx: PgContext) {}

  /** Records a job's intake options (call in the transaction that created the job). */
  async setJobOptions(jobId: string, options: JobOptions): Promise<void> {
    await pgRun(
      this.ctx.client,
      `INSERT INTO job_options (job_id, review_first, output_root) VALUES (:jobId, :reviewFirst, :outputRoot)
       ON CONFLICT (job_id) DO UPDATE SET review_first = excluded.review_first, output_root = excluded.output_root`,
      { jobId, reviewFirst: options.reviewFirst ? 1 : 0, outputRoot: options.outputRoot },
    );
  }

  /** Records (or replaces) a decision ahead for a job still previewing. */
  async decideAhead(jobId: string, ahead: DecisionAhead): Promise<void> {
    await pgRun(this.ctx.client, SET_AHEAD, { jobId, decision: ahead.decision, sizes: ahead.sizes === null ? null : JSON.stringify(ahead.sizes) });
  }

  /** The job's intake options, or undefined for an ordinary job. */
  async jobOptions(jobId: string): Promise<JobOptions | undefined> {
    const row = await pgRow<OptionsRow>(this.ctx.client, SELECT_OPTIONS, { jobId });
    return row && toJobOptions(row);
  }

  /** Records pending quotes; a size already quoted keeps its row. */
  async addQuotes(jobId: string, quotes: readonly SizeQuote[]): Promise<void> {
    const quotedAt = this.ctx.now();
    for (const [position, quote] of quotes.entries()) {
      await pgRun(this.ctx.client, INSERT_QUOTE, { jobId, size: quote.size, minCents: quote.minCents, maxCents: quote.maxCents, reason: quote.reason, position, quotedAt });
    }
  }

  /** Every quoted size of the job, in the order quoted. */
  async listApprovals(jobId: string): Promise<SizeApproval[]> {
    const rows = await pgRows<ApprovalRow>(this.ctx.client, 'SELECT * FROM size_approvals WHERE job_id = :jobId ORDER BY quoted_at, position', { jobId });
    return rows.map(toApproval);
  }

  /** Every review-first job not finished, oldest first. */
  async openReviews(): Promise<OpenReview[]> {
    return (await pgRows<OpenReviewRow>(this.ctx.client, SELECT_OPEN_REVIEWS, {})).map(toOpenReview);
  }

  /** Decides the pending sizes (all, or only `sizes`) in one statement; returns the sizes decided now. */
  async decide(jobId: string, decision: Exclude<SizeDecision, 'pending'>, sizes?: readonly string[]): Promise<string[]> {
    const rows = await pgRows<{ size: string }>(
      this.ctx.client,
      `UPDATE size_approvals SET decision = :decision, decided_at = :decidedAt
       WHERE job_id = :jobId AND decision = 'pending' AND (:all = 1 OR size = ANY(string_to_array(:sizes, ',')))
       RETURNING size`,
      { jobId, decision, decidedAt: this.ctx.now(), all: sizes ? 0 : 1, sizes: (sizes ?? []).join(',') },
    );
    return rows.map((row) => row.size);
  }
}
