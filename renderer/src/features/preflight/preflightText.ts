import type { JobOutput } from '../../../../electron/shared';
import type { Tone } from '../../ui/Badge';

type Preflight = NonNullable<JobOutput['preflight']>;
type Status = Preflight['status'];

/** Badge colours per verdict. */
export const PREFLIGHT_TONE: Record<Status, Tone> = { pass: 'success', warn: 'warning', fail: 'danger' };

/** Names of the checks as a designer reads them. */
export const CHECK_NAMES: Record<Preflight['checks'][number]['id'], string> = {
  pixels: 'Pixels',
  aspect: 'Aspect ratio',
  weight: 'File weight',
  format: 'Format',
  colour: 'Colour',
  upscale: 'Enlargement',
  safe_zone: 'Safe zone',
};

/** "Ready", "2 warnings", "1 problem": what one output's badge says. */
export function preflightLabel(preflight: Preflight): string {
  const count = (status: Status) => preflight.checks.filter((check) => check.status === status).length;
  if (preflight.status === 'pass') return 'Ready';
  const n = count(preflight.status);
  return preflight.status === 'fail' ? `${n} problem${n === 1 ? '' : 's'}` : `${n} warning${n === 1 ? '' : 's'}`;
}

/** The worst verdict of a job's outputs, or null when none was checked. */
export function worstOf(outputs: readonly JobOutput[]): Status | null {
  const statuses = outputs.flatMap((output) => (output.preflight ? [output.preflight.status] : []));
  if (statuses.length === 0) return null;
  return statuses.includes('fail') ? 'fail' : statuses.includes('warn') ? 'warn' : 'pass';
}

/** One line per check that is not a pass, for tooltips: "300x250 file weight: 182 KB is over ...". */
export function problemLines(outputs: readonly JobOutput[]): string[] {
  return outputs.flatMap((output) =>
    (output.preflight?.checks ?? []).filter((check) => check.status !== 'pass').map((check) => `${output.target} ${CHECK_NAMES[check.id].toLowerCase()}: ${check.message}`),
  );
}
