import type { Folder } from '../../../../electron/shared';

type Counts = NonNullable<Folder['counts']['preflight']>;

/**
 * Outputs by preflight verdict as written: "12 of 14 ready for upload" with the warnings and problems, for the
 * Folders and Spend pages. Nothing when no output was checked yet.
 */
export function PreflightCounts({ counts, className }: { counts: Counts | undefined; className?: string }) {
  if (!counts) return null;
  const checked = counts.pass + counts.warn + counts.fail;
  if (checked === 0) return null;
  const parts = [counts.warn > 0 && `${counts.warn} with warnings`, counts.fail > 0 && `${counts.fail} failing`].filter(Boolean).join(', ');
  return (
    <p className={`small preflight-counts ${className ?? ''}`} data-testid="preflight-counts">
      <strong>{counts.pass}</strong> of {checked} outputs passed preflight on first write{parts ? ` (${parts})` : ''}.
    </p>
  );
}
