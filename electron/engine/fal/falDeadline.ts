/** A request fal did not finish by its deadline: it is cancelled at fal and the job retried or failed. */
export class FalDeadlineError extends Error {
  override readonly name = 'FalDeadlineError';

  constructor(
    readonly requestId: string,
    /** How long the request had, from its submit to the deadline. */
    readonly deadlineMs: number,
    /** Its last status seen at fal (undefined: no status call ever answered). */
    readonly lastStatus: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED' | undefined,
  ) {
    super(`fal did not finish the request in time (no result ${formatSeconds(deadlineMs)} after it was sent).`);
  }
}

/** True for a request given up at its deadline. */
export function isFalDeadline(error: unknown): error is FalDeadlineError {
  return error instanceof FalDeadlineError;
}

function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
}
