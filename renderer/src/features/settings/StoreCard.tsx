import { Database } from 'lucide-react';
import type { StoreChoice } from '../../../../electron/shared';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { useQueueState } from '../queue/useQueue';
import { ConnectedInstances } from './ConnectedInstances';
import { InstanceNameForm } from './InstanceNameForm';
import { StoreSwitchForm } from './StoreSwitchForm';
import { useStoreChoice } from './useStoreChoice';

const CHOSEN_BY: Record<StoreChoice['source'], string> = {
  flag: 'chosen with --store for this launch',
  env: 'chosen by SMART_RESIZE_STORE for this launch',
  setting: 'chosen here in Settings',
  default: 'the default',
};

/**
 * Where jobs, history and spend live (issue 15): one person's SQLite file in the data folder, or a team's PostgreSQL
 * database (shown without its password) with this instance's name and who else is connected. Switching store or
 * renaming the instance is saved here and applies at the next start: the open store holds leases and work under
 * the name in use, so neither is swapped under them.
 */
export function StoreCard() {
  const { choice } = useStoreChoice();
  const status = useQueueState().data?.store;
  const current = choice.data;
  const team = current?.inUse.kind === 'postgres';
  const badge = current && (
    <Badge tone={team && status?.reachable === false ? 'warning' : 'neutral'}>{team ? (status?.reachable === false ? 'Team · not answering' : 'Team') : 'This computer'}</Badge>
  );
  return (
    <Card title={<span className="inline-icon"><Database size={18} /> Store</span>} actions={badge} className="store-card">
      <ErrorNote error={choice.error} />
      {current && (
        <>
          <p className="muted small" data-testid="store-in-use">
            {team ? 'Jobs, history and spend are shared with the team in PostgreSQL' : 'Jobs, history and spend are kept in SQLite on this computer'} (
            {CHOSEN_BY[current.source]}):
          </p>
          <input className="mono" readOnly value={current.inUse.location} title={current.inUse.location} aria-label="Store in use" />
          {team && <ConnectedInstances me={current.instance.inUse} status={status} />}
          <InstanceNameForm choice={current} />
          <StoreSwitchForm choice={current} />
        </>
      )}
    </Card>
  );
}
