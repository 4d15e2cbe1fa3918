import type { JobStore } from '../jobStore';
import type { ConnectedInstance } from './pgInstances';
import { PostgresJobStore } from './pgJobStore';

/** Which store an engine uses and, for a team's, whether it answers and who else is connected. */
export interface StoreStatus {
  readonly kind: 'sqlite' | 'postgres';
  /** The SQLite file, or the database URL without its password. */
  readonly location: string;
  /** This instance's name in the team; null on SQLite. */
  readonly instance: string | null;
  readonly reachable: boolean;
  /** Since when the team database has not answered (epoch ms), while it does not. */
  readonly unreachableSince: number | null;
  /** Instances with a heartbeat in the last three leases (this one included); as last known while unreachable. */
  readonly connected: ConnectedInstance[];
}

const lastConnected = new WeakMap<JobStore, ConnectedInstance[]>();

/**
 * The store's status for the UI. Never waits on an unreachable team database: its last known list of instances
 * is answered instead (the store itself waits for the server, which would hang the page).
 */
export async function storeStatus(store: JobStore): Promise<StoreStatus> {
  if (!(store instanceof PostgresJobStore)) {
    return { kind: 'sqlite', location: store.path, instance: null, reachable: true, unreachableSince: null, connected: [] };
  }
  const connection = store.connectionState;
  if (connection.reachable) lastConnected.set(store, await store.connectedInstances());
  return {
    kind: 'postgres',
    location: store.path,
    instance: store.instance,
    reachable: connection.reachable,
    unreachableSince: connection.since,
    connected: lastConnected.get(store) ?? [],
  };
}
