import { CircleAlert, CircleCheck, CircleX } from 'lucide-react';
import { useId, useState } from 'react';
import type { JobOutput } from '../../../../electron/shared';
import { CHECK_NAMES, PREFLIGHT_TONE, preflightLabel } from './preflightText';

type Preflight = NonNullable<JobOutput['preflight']>;

const ICONS = { pass: CircleCheck, warn: CircleAlert, fail: CircleX } as const;

/**
 * One output's preflight verdict as a badge; a click (or Enter) lists every check with its sentence, so a failing
 * check explains itself where the output is shown.
 */
export function PreflightBadge({ preflight, target }: { preflight: Preflight | null | undefined; target: string }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (!preflight) return <span className="badge badge-neutral" title="Written before outputs were checked">not checked</span>;
  const Icon = ICONS[preflight.status];
  return (
    <span className="preflight">
      <button
        type="button"
        className={`badge badge-${PREFLIGHT_TONE[preflight.status]} preflight-badge`}
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`Preflight of ${target}: ${preflightLabel(preflight)}${preflight.placementId ? ` for ${preflight.placementId}` : ''}. Show the checks.`}
        title="Show the checks"
        onClick={() => setOpen((value) => !value)}
      >
        <Icon size={13} aria-hidden />
        {preflightLabel(preflight)}
      </button>
      {open && (
        <ul id={listId} className="preflight-checks small" aria-label={`Preflight checks of ${target}`}>
          {preflight.placementId && <li className="muted">Checked against {preflight.placementId}</li>}
          {preflight.checks.map((check) => {
            const CheckIcon = ICONS[check.status];
            return (
              <li key={check.id} className={`preflight-check preflight-${check.status}`}>
                <CheckIcon size={13} aria-hidden />
                <strong>{CHECK_NAMES[check.id]}</strong> <span>{check.message}</span>
              </li>
            );
          })}
        </ul>
      )}
    </span>
  );
}
