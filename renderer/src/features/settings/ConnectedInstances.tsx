import type { StoreStatus } from '../../../../electron/shared';
import { formatDateTime, formatWhen } from '../../ui/format';

/** Who is on the team's database: the instances whose heartbeat is recent, this one first and marked. */
export function ConnectedInstances({ me, status }: { me: string | null; status: StoreStatus | undefined }) {
  if (!status) return null;
  const others = status.connected.filter((instance) => instance.name !== me);
  return (
    <div className="field" data-testid="connected-instances">
      <span className="field-label">Connected{!status.reachable && ' (as last seen: the database is not answering)'}</span>
      <ul className="connected-list small">
        <li>
          <strong>{me}</strong> <span className="muted">(this instance)</span>
        </li>
        {others.map((instance) => (
          <li key={instance.name} title={`Last seen ${formatDateTime(instance.lastSeenAt)}`}>
            <strong>{instance.name}</strong> <span className="muted">on {instance.host}, seen {formatWhen(instance.lastSeenAt)}</span>
          </li>
        ))}
        {others.length === 0 && <li className="muted">No other instance is connected.</li>}
      </ul>
    </div>
  );
}
