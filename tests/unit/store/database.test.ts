import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JOB_DB_FILE, openDatabase } from '../../../electron/engine/store/sqlite/database';
import { JOB_DB_MIGRATIONS } from '../../../electron/engine/store/migrations';
import type { Migration } from '../../../electron/engine/store/migrations/migration';
import { allRows, getRow } from '../../../electron/engine/store/sqlite/sqlite';
import { tempDirs } from './tempDir';

const dirs = tempDirs();
afterEach(dirs.cleanup);

const tableNames = (db: ReturnType<typeof openDatabase>['db']) =>
  allRows<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r.name);

const step = (version: number, sql: string): Migration => ({ version, name: `step_${version}`, up: sql });

describe('openDatabase', () => {
  it('creates the data folder and jobs.sqlite with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const dataDir = join(dirs.make(), 'nested', 'data');
    const { db, path } = openDatabase(dataDir, { busyTimeoutMs: 1234 });
    try {
      expect(path).toBe(join(dataDir, JOB_DB_FILE));
      expect(existsSync(path)).toBe(true);
      expect(getRow<{ journal_mode: string }>(db, 'PRAGMA journal_mode')?.journal_mode).toBe('wal');
      expect(getRow<{ synchronous: number }>(db, 'PRAGMA synchronous')?.synchronous).toBe(2);
      expect(getRow<{ foreign_keys: number }>(db, 'PRAGMA foreign_keys')?.foreign_keys).toBe(1);
      expect(getRow<{ timeout: number }>(db, 'PRAGMA busy_timeout')?.timeout).toBe(1234);
    } finally {
      db.close();
    }
  });

  it('gives a fresh database every migration, and a re-open applies none twice', () => {
    const dataDir = dirs.make();
    const first = openDatabase(dataDir);
    const all = JOB_DB_MIGRATIONS.map((m) => m.version);
    expect(first.migrations).toEqual({ applied: all, version: all.at(-1) });
    expect(tableNames(first.db)).toEqual(
      expect.arrayContaining(['events', 'job_outputs', 'job_requests', 'jobs', 'schema_migrations', 'seen_files']),
    );
    first.db.close();

    const second = openDatabase(dataDir);
    expect(second.migrations).toEqual({ applied: [], version: all.at(-1) });
    const rows = allRows<{ version: number }>(second.db, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(all);
    second.db.close();
  });

  it('applies only the missing migrations to a database at an older version', () => {
    const dataDir = dirs.make();
    const v1 = [step(1, 'CREATE TABLE a (x)')];
    openDatabase(dataDir, { migrations: v1 }).db.close();

    const v3 = [...v1, step(2, 'CREATE TABLE b (x)'), step(3, 'CREATE TABLE c (x)')];
    const { db, migrations } = openDatabase(dataDir, { migrations: v3 });
    expect(migrations.applied).toEqual([2, 3]);
    expect(tableNames(db)).toEqual(['a', 'b', 'c', 'schema_migrations']);
    db.close();
  });

  it('runs function migrations', () => {
    const dataDir = dirs.make();
    const seeded: Migration = {
      version: 1,
      name: 'seeded',
      up: (db) => db.exec("CREATE TABLE s (x); INSERT INTO s VALUES ('seed')"),
    };
    const { db } = openDatabase(dataDir, { migrations: [seeded] });
    expect(allRows<{ x: string }>(db, 'SELECT x FROM s').map((r) => r.x)).toEqual(['seed']);
    db.close();
  });

  it('rolls back a failing migration, keeps the earlier ones and names the one that failed', () => {
    const dataDir = dirs.make();
    const migrations = [
      step(1, 'CREATE TABLE a (x)'),
      step(2, 'CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);'),
      step(3, 'CREATE TABLE c (x)'),
    ];
    expect(() => openDatabase(dataDir, { migrations })).toThrow(
      expect.objectContaining({ code: 'database_error', message: expect.stringMatching(/Migration 2 \(step_2\)/) }),
    );

    const { db, migrations: report } = openDatabase(dataDir, { migrations: [migrations[0]!] });
    expect(report.applied).toEqual([]);
    expect(tableNames(db)).toEqual(['a', 'schema_migrations']);
    db.close();
  });

  it('refuses a database written by a newer app', () => {
    const dataDir = dirs.make();
    openDatabase(dataDir, { migrations: [step(1, 'CREATE TABLE a (x)'), step(2, 'CREATE TABLE b (x)')] }).db.close();
    expect(() => openDatabase(dataDir, { migrations: [step(1, 'CREATE TABLE a (x)')] })).toThrow(/newer Smart Resize/);
  });

  it('refuses migrations that are out of order', () => {
    expect(() => openDatabase(dirs.make(), { migrations: [step(2, 'SELECT 1'), step(1, 'SELECT 1')] })).toThrow(
      /out of order/,
    );
  });

  it('reports a file that is not a database as a database_error', () => {
    const dataDir = dirs.make();
    writeFileSync(join(dataDir, JOB_DB_FILE), 'this is not sqlite '.repeat(100));
    expect(() => openDatabase(dataDir)).toThrow(expect.objectContaining({ code: 'database_error' }));
  });
});
