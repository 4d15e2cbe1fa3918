import { Database, DatabaseZap } from 'lucide-react';
import type { StoreStatus } from '../../../../electron/shared';
import { formatWhen } from '../../ui/format';

/**
 * Which store the queue runs on. One person's SQLite says nothing; a team's database says who is connected, or,
 * while it does not answer, that new files wait here and are taken in (with the team's dedupe) when it is back.
 */
export function StoreNote({ store }: { store: StoreStatus | undefined }) {
  if (!store || store.kind === 'sqlite') return null;
  if (!store.reachable) {
    return (
      <div className="note note-warning" data-testid="store-note">
        <DatabaseZap size={16} aria-hidden />
        <span>
          The team database {store.location} is not answering{store.unreachableSince !== null && ` since ${formatWhen(store.unreachableSince)}`}. Work in
          progress carries on; new files wait here and join the team queue when it is back, without paying twice.
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
