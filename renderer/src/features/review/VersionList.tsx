import type { OutputVersion } from '../../../../electron/shared';
import { formatBytes, formatDateTime } from '../../ui/format';

const CAUSE_WORDS: Record<OutputVersion['cause'], string> = {
  run: 'made by the job',
  nudge: 'frame moved',
  restore: 'restored',
  fal_rerun: 're-run at fal',
  marks: 'focal point / keep boxes',
  method: 'method switched',
  pick: 'variant chosen',
  preview: 'local preview, before approval',
};

/**
 * One size's kept versions, newest first, each restorable (the restore becomes the newest version; nothing is
 * lost). Shown beside the large view; a size never fixed has only the job's own making, so there is no list.
 */
export function VersionList({ versions, busy, onRestore }: { versions: readonly OutputVersion[]; busy: boolean; onRestore: (version: number) => void }) {
  if (versions.length === 0) return <p className="muted small">Move this size’s frame on the source to make it again (locally, free). Every making is kept here.</p>;
  return (
    <section aria-label="Versions">
      <h3 className="section-title">Versions</h3>
      <ol className="version-list" reversed>
        {[...versions].reverse().map((version) => (
          <li key={version.version} className={version.current ? 'current' : ''}>
            <span>
              <strong>v{version.version}</strong> <span className="muted small">{CAUSE_WORDS[version.cause]} · {version.provider === 'fal' ? `fal${version.tier ? ` ${version.tier}` : ''}` : 'local'} · {formatBytes(version.bytes)} · {formatDateTime(version.createdAt)}</span>
            </span>
            {version.current ? (
              <span className="muted small">in the file</span>
            ) : (
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => onRestore(version.version)}>
                Restore v{version.version}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
