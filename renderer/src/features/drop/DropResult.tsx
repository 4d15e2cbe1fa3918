import { CircleCheck } from 'lucide-react';
import type { DropOutcome } from './useStartDrop';

/** What happened to the last drop: how many were queued, and each skipped file with its reason. */
export function DropResult({ outcome }: { outcome: DropOutcome }) {
  return (
    <div className="drop-result">
      {outcome.queued > 0 && (
        <p className="note note-success">
          <CircleCheck size={16} />
          <span>
            Queued {outcome.queued} image{outcome.queued === 1 ? '' : 's'}. <a href="#/queue">Follow them in the queue</a>.
          </span>
        </p>
      )}
      {outcome.skipped.length > 0 && (
        <ul className="skipped-list small">
          {outcome.skipped.map((entry, index) => (
            <li key={`${entry.name}-${index}`}>
              <strong>{entry.name}</strong>: {entry.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
