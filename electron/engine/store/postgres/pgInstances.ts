import { hostname, userInfo } from 'node:os';
import { SmartResizeError } from '../../../domain/errors';
import { pgRow, pgRows, pgRun, type PgQueryable } from './pgSql';

/** Who this instance is in the team's `instances` table (migration 7), and when. */
export interface InstanceRegistration {
  readonly name: string;
  /** Epoch ms on this instance's clock. */
  readonly now: number;
  readonly leaseMs: number;
  /** The store's URL without its password, for messages. */
  readonly store: string;
}

/** An instance that renewed its heartbeat lately: the UI's "who is connected". */
export interface ConnectedInstance {
  readonly name: string;
  readonly host: string;
  readonly lastSeenAt: number;
}

/** The default instance name: who and where (`user@host`; editable with `--instance`). */
export function defaultInstanceName(): string {
  let user = 'user';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the host alone still tells machines apart.
  }
  return `${user}@${hostname()}`;
}

/** True when a process with this id runs on this machine. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Refuses to start a second live process under a name already connected from this machine: two processes under one
 * name would take each other's claims for their own (recovery at start hands "my" jobs back). One on another
 * machine cannot be checked for life; its heartbeat is the only trace, and the name is shown in History.
 */
export async function refuseTwin(client: PgQueryable, me: InstanceRegistration): Promise<void> {
  const twin = await pgRow<{ host: string; pid: number; last_seen_at: number }>(client, 'SELECT host, pid, last_seen_at FROM instances WHERE name = :name', {
    name: me.name,
  });
  if (!twin || twin.host !== hostname() || twin.pid === process.pid || me.now - twin.last_seen_at > 3 * me.leaseMs || !isAlive(twin.pid)) return;
  throw new SmartResizeError(
    'invalid_settings',
    `Another Smart Resize on this machine (process ${twin.pid}) is connected to ${me.store} as "${me.name}". Give this one a name of its own (--instance or SMART_RESIZE_INSTANCE).`,
  );
}

/** Writes this instance's heartbeat (registering it the first time). */
export async function beat(client: PgQueryable, me: InstanceRegistration): Promise<void> {
  await pgRun(
    client,
    `INSERT INTO instances (name, host, pid, started_at, last_seen_at) VALUES (:name, :host, :pid, :now, :now)
     ON CONFLICT (name) DO UPDATE SET host = excluded.host, pid = excluded.pid, last_seen_at = excluded.last_seen_at`,
    { name: me.name, host: hostname(), pid: process.pid, now: me.now },
  );
}

/** The instances whose last heartbeat is after `since`, by name. */
export async function listConnectedInstances(client: PgQueryable, since: number): Promise<ConnectedInstance[]> {
  const rows = await pgRows<{ name: string; host: string; last_seen_at: number }>(
    client,
    'SELECT name, host, last_seen_at FROM instances WHERE last_seen_at > :since ORDER BY name',
    { since },
  );
  return rows.map((row) => ({ name: row.name, host: row.host, lastSeenAt: row.last_seen_at }));
}
