import { Crosshair } from 'lucide-react';
import type { RerunFalSizesResult, SetJobMarksResult, UserMarks } from '../../../../electron/shared';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatCents, formatCentsRange } from '../../ui/format';
import { NO_MARKS, sameMarks } from './marksGeometry';

interface Props {
  /** The marks as saved. */
  saved: UserMarks;
  /** The marks being edited (shown on the source), or null when not editing. */
  draft: UserMarks | null;
  onEdit: (draft: UserMarks | null) => void;
  onSave: (marks: UserMarks) => void;
  saving: boolean;
  error: unknown;
  /** What the last save did. */
  result: SetJobMarksResult | undefined;
  /** Re-running the fal sizes after the save (one request per size), and how that went. */
  falRerun: { run: () => void; pending: boolean; error: unknown; done: RerunFalSizesResult | undefined };
}

/**
 * The controls under the job view's source for its focal point and keep boxes: edit, save (the local sizes are made
 * again at once, free), and what a re-run of the fal sizes would cost.
 */
export function SourceMarksPanel({ saved, draft, onEdit, onSave, saving, error, result, falRerun }: Props) {
  const count = saved.keep.length;
  const summary = `${saved.focus ? 'Focal point set' : 'No focal point'} · ${count === 0 ? 'no keep boxes' : `${count} keep box${count === 1 ? '' : 'es'}`}`;
  return (
    <div className="marks-panel" aria-label="Focal point and keep boxes" role="group">
      {draft ? (
        <>
          <p className="small">Click the source to set the focal point; drag to draw a box to keep whole (× removes one).</p>
          <div className="marks-actions">
            <button type="button" className="btn primary" disabled={saving || sameMarks(draft, saved)} onClick={() => onSave(draft)}>
              {saving ? 'Making the sizes again…' : 'Save and remake local sizes'}
            </button>
            <button type="button" className="btn" disabled={saving || sameMarks(draft, NO_MARKS)} onClick={() => onEdit(NO_MARKS)}>
              Clear
            </button>
            <button type="button" className="btn" disabled={saving} onClick={() => onEdit(null)}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <div className="marks-actions">
          <button type="button" className="btn" onClick={() => onEdit(saved)}>
            <Crosshair size={16} aria-hidden /> Focal point and keep boxes
          </button>
          <span className="muted small">{summary}</span>
        </div>
      )}
      <ErrorNote error={error} />
      {result && !draft && (
        <div className="marks-result small" role="status">
          <p>{result.remade.length > 0 ? `Made again locally, free: ${result.remade.join(', ')}.` : 'Saved. No size of this job was made locally.'}</p>
          {result.falRerun && (
            <p>
              {result.falRerun.sizes.join(', ')} came from fal and stay as they are; re-running {result.falRerun.sizes.length === 1 ? 'it' : 'them'} at fal with these marks would cost{' '}
              {formatCentsRange(result.falRerun.minCents, result.falRerun.maxCents)} (one request per size{result.falRerun.reason ? `; ${result.falRerun.reason}` : ''}).
            </p>
          )}
          {result.falRerun && !falRerun.done && (
            <button type="button" className="btn btn-small" disabled={falRerun.pending} onClick={falRerun.run}>
              {falRerun.pending ? 'Waiting for fal…' : `Re-run ${result.falRerun.sizes.join(', ')} at fal · ${formatCentsRange(result.falRerun.minCents, result.falRerun.maxCents)}`}
            </button>
          )}
          {falRerun.done && (
            <>
              <p>
                Made again at fal for {formatCents(falRerun.done.costCents)}: {falRerun.done.sizes.map((entry) => `${entry.size} (version ${entry.version})`).join(', ')}.
              </p>
              <p className="muted">{falRerun.done.note}</p>
            </>
          )}
          <ErrorNote error={falRerun.error} />
          {result.notes.map((note) => (
            <p key={note} className="muted">
              {note}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
