import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away PostgreSQL cluster: its data and socket folders, a URL to it, and how to stop, start and remove it. */
export interface PgCluster {
  /** `postgresql://postgres@localhost/postgres?host=<socket folder>&port=<port>`. */
  readonly url: string;
  readonly port: number;
  /** `pg_ctl stop -m fast`: connections are cut, as when a server goes down. */
  stop(): void;
  /** Starts it again on the same folders and port. */
  start(): void;
  /** Stops it (if running) and deletes its folders. */
  remove(): void;
}

/** Where Debian's `postgresql` package put the server binaries (the newest version), or undefined. */
function findPgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

const isRoot = process.getuid?.() === 0;

/** Runs a server binary; as root, as the `postgres` user (initdb and postgres refuse to run as root). */
function runAs(bin: string, args: string[]): void {
  const [command, commandArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
}

/**
 * Creates and starts a cluster in a fresh temp folder, listening only on a Unix socket in a folder of its own
 * (no TCP port is opened; `port` only names the socket file). fsync is off: the tests' data is thrown away.
 */
export function startPgCluster(): PgCluster {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql).');
  const base = mkdtempSync(join(tmpdir(), 'smart-resize-pg-'));
  const dataDir = join(base, 'data');
  const socketDir = join(base, 'socket');
  execFileSync('mkdir', ['-p', dataDir, socketDir]);
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    for (const dir of [base, dataDir, socketDir]) chownSync(dir, uid, gid);
  }
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  runAs(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-k ${socketDir} -p ${port} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = () => runAs(join(bin, 'pg_ctl'), ['-D', dataDir, '-o', options, '-l', join(base, 'server.log'), '-w', '-t', '60', 'start']);
  const stop = () => runAs(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  let running = false;
  start();
  running = true;
  return {
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}&port=${port}`,
    port,
    stop: () => {
      stop();
      running = false;
    },
    start: () => {
      start();
      running = true;
    },
    remove: () => {
      if (running) {
        try {
          stop();
        } catch {
          // Already down: the folders go anyway.
        }
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}
