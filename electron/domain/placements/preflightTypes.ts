/** The verdict vocabulary of preflight, shared by the engine, the API contract, the CLI and the UI. */

/** How one check went: pass, warn (usable, but look), or fail (a platform would refuse it, or it breaks a rule). */
export type CheckStatus = 'pass' | 'warn' | 'fail';

/** The checks, in the order they are listed. */
export type PreflightCheckId = 'pixels' | 'aspect' | 'weight' | 'format' | 'colour' | 'upscale' | 'safe_zone';

/** One check's outcome with a sentence a designer understands. */
export interface PreflightCheck {
  readonly id: PreflightCheckId;
  readonly status: CheckStatus;
  readonly message: string;
}

/** Every check of one output and the worst of them. */
export interface PreflightResult {
  readonly status: CheckStatus;
  /** The placement checked against, when the size row named one. */
  readonly placementId?: string;
  readonly checks: readonly PreflightCheck[];
}

/** What a box marks, for the safe-zone check: faces and text must stay clear; a subject box is looser. */
type KeepBoxKind = 'subject' | 'face' | 'text' | 'object';

/** A region of an output (output pixels) that should stay out of the reserved insets. */
export interface KeepBox {
  readonly kind: KeepBoxKind;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The worst status of a list (fail > warn > pass); pass for an empty list. */
export function worstStatus(statuses: readonly CheckStatus[]): CheckStatus {
  if (statuses.includes('fail')) return 'fail';
  return statuses.includes('warn') ? 'warn' : 'pass';
}

/** Outputs by preflight verdict (Folders and Spend pages); `unchecked`: written before preflight existed. */
export interface PreflightCounts {
  readonly pass: number;
  readonly warn: number;
  readonly fail: number;
  readonly unchecked: number;
}
