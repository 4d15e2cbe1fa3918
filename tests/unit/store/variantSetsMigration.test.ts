import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { JOB_DB_MIGRATIONS } from '../../../electron/engine/store/migrations';
import { PG_JOB_DB_MIGRATIONS } from '../../../electron/engine/store/postgres/migrations';
import { runPgMigrations } from '../../../electron/engine/store/postgres/pgMigrate';
import { openDatabase } from '../../../electron/engine/store/sqlite/database';
import { allRows, run } from '../../../electron/engine/store/sqlite/sqlite';
import { freshDatabase } from '../../support/postgres/freshDatabase';
import { TEST_STORE_KIND } from './storeFixture';
import { tempDirs } from './tempDir';

// Migration 17 on both stores: variants kept before it become set 0 (nothing lost, the choice kept), a size may have
// several sets, each version may say which set and variant it is, and `preview` is a version's cause.

const dirs = tempDirs();
const clients: pg.Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.end();
  dirs.cleanup();
});

async function migratedFrom16(rows: readonly string[]): Promise<{ query: <T>(sql: string) => Promise<T[]>; exec: (sql: string) => Promise<unknown>; done: () => void }> {
  const later = (version: number) => version >= 17;
  if (TEST_STORE_KIND === 'sqlite') {
    const dataDir = dirs.make();
    const before = openDatabase(dataDir, { migrations: JOB_DB_MIGRATIONS.filter((migration) => !later(migration.version)) });
    for (const sql of rows) run(before.db, sql);
    before.db.close();
    const after = openDatabase(dataDir);
    expect(after.migrations.applied).toEqual(JOB_DB_MIGRATIONS.filter((migration) => later(migration.version)).map((migration) => migration.version));
    return { query: async <T,>(sql: string) => allRows<T>(after.db, sql), exec: async (sql) => run(after.db, sql), done: () => after.db.close() };
  }
  const client = new pg.Client({ connectionString: await freshDatabase(inject('pgUrl')) });
  await client.connect();
  clients.push(client);
  await runPgMigrations(client, PG_JOB_DB_MIGRATIONS.filter((migration) => !later(migration.version)));
  for (const sql of rows) await client.query(sql);
  expect((await runPgMigrations(client, PG_JOB_DB_MIGRATIONS)).applied).toEqual(PG_JOB_DB_MIGRATIONS.filter((migration) => later(migration.version)).map((migration) => migration.version));
  return { query: async <T,>(sql: string) => (await client.query(sql)).rows as T[], exec: (sql) => client.query(sql), done: () => undefined };
}

const VARIANT = 'INSERT INTO output_variants (job_id, target, variant, kept_path, spare_path, width, height, bytes, format, tier, preflight, chosen, created_at';
const VERSION = 'INSERT INTO output_versions (job_id, target, image_index, version, cause, provider, tier, layout, kept_path, width, height, bytes, format, preflight, created_at';

describe('migration 17 (variant sets)', () => {
  it('keeps every variant and version, adds sets and each version’s variant, and accepts the preview cause', async () => {
    const store = await migratedFrom16([
      `INSERT INTO jobs (id, content_hash, profile_id, profile_version, source_path, source_name, source_size, folder_id, origin, provider, state, created_at, updated_at)
       VALUES ('j1', 'h1', 'p', 1, '/in/a.jpg', 'a.jpg', 10, NULL, 'drop', 'fal', 'done', 1, 2)`,
      `${VARIANT}) VALUES ('j1', '10x10', 0, '/d/A.jpg', NULL, 10, 10, 5, 'jpeg', '1K', NULL, 0, 3), ('j1', '10x10', 1, '/d/B.jpg', '/o/variants/a_B.jpg', 10, 10, 6, 'jpeg', '1K', NULL, 1, 3)`,
      `${VERSION}) VALUES ('j1', '10x10', 0, 1, 'run', 'fal', '1K', NULL, '/d/v1.jpg', 10, 10, 5, 'jpeg', NULL, 4)`,
    ]);
    try {
      const variants = await store.query<{ variant_set: number; variant: number; spare_path: string | null; chosen: number }>(
        'SELECT variant_set, variant, spare_path, chosen FROM output_variants ORDER BY variant',
      );
      expect(variants.map((row) => [row.variant_set, row.variant, row.spare_path, Number(row.chosen)])).toEqual([
        [0, 0, null, 0],
        [0, 1, '/o/variants/a_B.jpg', 1],
      ]);
      const versions = await store.query<{ version: number; variant_set: number | null; variant: number | null }>('SELECT version, variant_set, variant FROM output_versions');
      expect(versions).toEqual([{ version: 1, variant_set: null, variant: null }]);

      // A re-run's set of the same size beside the first; still one chosen variant per size.
      await store.exec(`${VARIANT}, variant_set) VALUES ('j1', '10x10', 0, '/d/s3/A.jpg', NULL, 10, 10, 7, 'jpeg', '1K', NULL, 0, 5, 3)`);
      await expect(store.exec(`${VARIANT}, variant_set) VALUES ('j1', '10x10', 1, '/d/s3/B.jpg', NULL, 10, 10, 7, 'jpeg', '1K', NULL, 1, 5, 3)`)).rejects.toThrow(/UNIQUE|unique|duplicate/);
      await expect(store.exec(`${VARIANT}, variant_set) VALUES ('j1', '10x10', 0, '/d/s3/A.jpg', NULL, 10, 10, 7, 'jpeg', '1K', NULL, 0, 5, 3)`)).rejects.toThrow(/UNIQUE|unique|duplicate/);

      const add = (version: number, cause: string, which: string) =>
        store.exec(`${VERSION}, variant_set, variant) VALUES ('j1', '10x10', 0, ${version}, '${cause}', 'fal', '1K', NULL, '/d/x.jpg', 10, 10, 5, 'jpeg', NULL, 6, ${which})`);
      await add(2, 'preview', 'NULL, NULL');
      await add(3, 'fal_rerun', '3, 0');
      await expect(add(4, 'guess', 'NULL, NULL')).rejects.toThrow(/CHECK|check/);
      // A variant names its set, and a set its variant.
      await expect(add(4, 'pick', '3, NULL')).rejects.toThrow(/CHECK|check/);
      expect(await store.query<{ version: number; cause: string; variant_set: number | null }>('SELECT version, cause, variant_set FROM output_versions ORDER BY version')).toEqual([
        { version: 1, cause: 'run', variant_set: null },
        { version: 2, cause: 'preview', variant_set: null },
        { version: 3, cause: 'fal_rerun', variant_set: 3 },
      ]);
      await store.exec("DELETE FROM jobs WHERE id = 'j1'");
      expect(await store.query('SELECT variant FROM output_variants')).toEqual([]);
      expect(await store.query('SELECT version FROM output_versions')).toEqual([]);
    } finally {
      store.done();
    }
  });
});
