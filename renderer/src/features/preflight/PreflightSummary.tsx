import type { JobOutput } from '../../../../electron/shared';
import { PREFLIGHT_TONE, problemLines, worstOf } from './preflightText';

const WORDS = { pass: 'ready', warn: 'check', fail: 'problem' } as const;

/**
 * A job's outputs in one small badge for its History row (the worst verdict); hovering lists what is not a pass.
 * Not a button: the row itself is one, and its detail has a badge per output that lists the checks on click.
 */
export function PreflightSummary({ outputs }: { outputs: readonly JobOutput[] }) {
  const worst = worstOf(outputs);
  if (!worst) return null;
  const lines = problemLines(outputs);
  const title = lines.length > 0 ? lines.join('\n') : 'Every output passed preflight';
  return (
    <span className={`badge badge-${PREFLIGHT_TONE[worst]} preflight-summary`} title={title} aria-label={`Preflight: ${WORDS[worst]}. ${title}`}>
      {WORDS[worst]}
    </span>
  );
}
