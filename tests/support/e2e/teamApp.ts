import { existsSync } from 'node:fs';
import { openPostgresStore, type PostgresJobStore } from '../../../electron/engine/store/postgres/pgJobStore';
import { freshDatabase } from '../postgres/freshDatabase';
import { startPgCluster, type PgCluster } from '../postgres/pgCluster';
import { startAppServer, type AppServer } from './appServer';

/** Whether Debian's PostgreSQL is here: the team specs skip with that reason where it cannot be installed. */
export const postgresInstalled = existsSync('/usr/lib/postgresql');
export const POSTGRES_MISSING = 'PostgreSQL is not installed (apt-get install postgresql)';

/** The real `serve` as one instance of a studio's team, on a throw-away PostgreSQL cluster of its own. */
export interface TeamApp {
  readonly cluster: PgCluster;
  /** The team database every instance is pointed at (`--store`). */
  readonly url: string;
  /** The `serve` under test, named `studio-e2e`. */
  readonly app: AppServer;
  /** A colleague's instance on the same database (`studio-colleague`), opened only when asked for. */
  readonly colleague: PostgresJobStore | undefined;
  /** Closes the app and the colleague, then stops and deletes the cluster. */
  close(): Promise<void>;
}

export interface TeamAppOptions {
  /** A short lease (ms) for specs that watch heartbeats or outages; the engine's default otherwise. */
  readonly leaseMs?: number;
  readonly withColleague?: boolean;
}

export async function startTeamApp(options: TeamAppOptions = {}): Promise<TeamApp> {
  const cluster = startPgCluster();
  try {
    const url = await freshDatabase(cluster.url);
    const env = options.leaseMs === undefined ? undefined : { SMART_RESIZE_LEASE_MS: String(options.leaseMs) };
    const app = await startAppServer({ engine: { store: url, instance: 'studio-e2e', env } });
    const colleague = options.withColleague
      ? openPostgresStore(url, { instance: 'studio-colleague', ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }) })
      : undefined;
    return {
      cluster,
      url,
      app,
      colleague,
      close: async () => {
        try {
          await app.close();
          await colleague?.close();
        } finally {
          cluster.remove();
        }
      },
    };
  } catch (error) {
    cluster.remove();
    throw error;
  }
}
