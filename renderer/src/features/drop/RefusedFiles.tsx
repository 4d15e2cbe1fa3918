import { FileX, X } from 'lucide-react';
import type { DropFailure } from '../../api/hostTypes';

/** Files refused the moment they were dropped, each with its reason, until dismissed. */
export function RefusedFiles({ refused, onDismiss }: { refused: readonly DropFailure[]; onDismiss: () => void }) {
  if (refused.length === 0) return null;
  return (
    <div className="note note-warning refused-files" role="alert">
      <FileX size={16} aria-hidden />
      <div className="refused-body">
        <strong>Not added: {refused.length === 1 ? 'this file is not an image' : `these ${refused.length} files are not images`}</strong>
        <ul className="skipped-list small">
          {refused.map((entry, index) => (
            <li key={`${entry.name}-${index}`}>
              <strong>{entry.name}</strong>: {entry.message}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="btn btn-icon btn-small" onClick={onDismiss} aria-label="Dismiss refused files" title="Dismiss">
        <X size={14} />
      </button>
    </div>
  );
}
