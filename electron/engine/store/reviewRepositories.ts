import type { JobState } from '../../domain/jobStates';

/** What a job was given at intake besides its profile (see migration 014). */
export interface JobOptions {
  /** Make every size locally first and send nothing to fal until the person approves. */
  readonly reviewFirst: boolean;
  /** The folder the job's outputs are written under instead of beside its source (a dropped batch's own folder). */
  readonly outputRoot: string | null;
  /**
   * A decision given while the job was still making its previews (a batch's approval, migration 018): applied the
   * moment its quotes are recorded. `sizes` null: every paid size. Absent: nothing decided ahead.
   */
  readonly ahead?: DecisionAhead;
}

/** A batch's approval or refusal recorded ahead on one of its jobs still previewing. */
export interface DecisionAhead {
  readonly decision: Exclude<SizeDecision, 'pending'>;
  readonly sizes: readonly string[] | null;
}

/** A paid size's decision: `pending` until the person approves (it may go to fal) or declines (its preview stays). */
export type SizeDecision = 'pending' | 'approved' | 'declined';

/** What one paid size would cost at fal: its image price at the tiers fal may pick, in integer US cents. */
export interface SizeQuote {
  /** "WxH". */
  readonly size: string;
  readonly minCents: number;
  readonly maxCents: number;
  /** Why the price is a range or more than one image ("fal picks 1K or 2K", "2 variants"); null when exact and single. */
  readonly reason: string | null;
}

/** One paid size of a review-first job: its quote and the person's decision. */
export interface SizeApproval extends SizeQuote {
  readonly jobId: string;
  readonly decision: SizeDecision;
  readonly quotedAt: number;
  readonly decidedAt: number | null;
}

/** A review-first job not finished yet, as approving a whole batch sees it. */
export interface OpenReview {
  readonly jobId: string;
  readonly state: JobState;
  /** Its quotes are recorded: its previews are made (it awaits approval, or was approved and goes on). */
  readonly quoted: boolean;
  /** A decision given while it was still previewing, applied when its quotes are. */
  readonly ahead?: DecisionAhead;
}

/** Review first: each job's intake options, and each paid size's quote and decision. */
export interface ReviewRepository {
  /** Records a job's intake options (call in the transaction that created the job). */
  setJobOptions(jobId: string, options: JobOptions): Promise<void>;
  /** Records (or replaces: the last one counts) a decision ahead for a review-first job still previewing. */
  decideAhead(jobId: string, ahead: DecisionAhead): Promise<void>;
  /** The job's intake options, or undefined when it was given none (an ordinary job). */
  jobOptions(jobId: string): Promise<JobOptions | undefined>;
  /** Records the quotes of a job's paid sizes as pending; a size already quoted keeps its row and decision. */
  addQuotes(jobId: string, quotes: readonly SizeQuote[]): Promise<void>;
  /** Every quoted size of the job, in the order quoted. */
  listApprovals(jobId: string): Promise<SizeApproval[]>;
  /** Every review-first job not finished, oldest first: those awaiting approval and those still previewing. */
  openReviews(): Promise<OpenReview[]>;
  /**
   * Decides the job's pending sizes (all of them, or only `sizes`); a size already decided keeps its decision.
   * Returns the sizes this call decided.
   */
  decide(jobId: string, decision: Exclude<SizeDecision, 'pending'>, sizes?: readonly string[]): Promise<string[]>;
}
