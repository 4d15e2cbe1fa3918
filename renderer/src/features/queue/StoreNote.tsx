import { Database, DatabaseZap } from 'lucide-react';
import type { StoreStatus } from '../../../../electron/shared';
import { formatWhen } from '../../ui/format';

/**
 * Which store the queue runs on. One person's SQLite says nothing; a team's database says who is connected, or,
 * while it does not answer, how many new files are kept here, taken in (with the team's dedupe) when it is back.
 */
export function StoreNote({ store }: { store: StoreStatus | undefined }) {
  if (!store || store.kind === 'sqlite') return null;
  if (!store.reachable) {
    const kept = store.keptFiles ?? 0;
    return (
      <div className="note note-warning" data-testid="store-note" title={store.location}>
        <DatabaseZap size={16} aria-hidden />
        <span>
          <strong>Team database not answering{store.unreachableSince !== null && ` since ${formatWhen(store.unreachableSince)}`}</strong>:{' '}
          <span data-testid="kept-files">{kept === 1 ? '1 file' : `${kept} files`} kept here, admitted when it returns</span> (once for the whole
          team: nothing is paid twice). Work in progress carries on.
        </span>
      </div>
    );
  }
  const others = store.connected.filter((instance) => instance.name !== store.instance);
  return (
    <p className="muted small store-note" data-testid="store-note" title={store.location}>
      <Database size={14} aria-hidden /> Team queue as <strong>{store.instance}</strong>
      {others.length > 0 ? `, with ${others.map((instance) => instance.name).join(', ')} connected` : ', no one else connected'}.
    </p>
  );
}
