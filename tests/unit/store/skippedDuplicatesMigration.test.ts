import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/store/sqlite/database';
import { JOB_DB_MIGRATIONS } from '../../../electron/engine/store/migrations';
import { openJobStore } from '../../../electron/engine/store';
import { allRows, getRow, run } from '../../../electron/engine/store/sqlite/sqlite';
import { newJob } from './storeFixture';
import { tempDirs } from './tempDir';

const dirs = tempDirs();
afterEach(dirs.cleanup);

describe('migration 8 (skipped duplicates)', () => {
  it('rebuilds jobs without losing a job, a request, an output or an event, and keeps foreign keys on', () => {
    const dataDir = dirs.make();
    const before = openDatabase(dataDir, { migrations: JOB_DB_MIGRATIONS.filter((m) => m.version < 8) });
    run(before.db, `INSERT INTO jobs (id, content_hash, profile_id, profile_version, source_path, source_name, source_size,
                     folder_id, origin, provider, state, created_at, updated_at)
                    VALUES ('j1', 'h1', 'p', 1, '/in/a.jpg', 'a.jpg', 10, NULL, 'drop', 'fal', 'done', 1, 2)`);
    run(before.db, `INSERT INTO job_requests (job_id, batch_index, request_id, sizes, state, submitted_at) VALUES ('j1', 0, 'r1', '[]', 'completed', 1)`);
    run(before.db, `INSERT INTO job_outputs (job_id, target, image_index, path, width, height, provider, bytes, written_at)
                    VALUES ('j1', '10x10', 0, '/out/a.jpg', 10, 10, 'fal', 5, 2)`);
    run(before.db, `INSERT INTO events (job_id, at, kind) VALUES ('j1', 1, 'job_created')`);
    before.db.close();

    const after = openDatabase(dataDir);
    try {
      expect(after.migrations.applied).toEqual(JOB_DB_MIGRATIONS.filter((m) => m.version >= 8).map((m) => m.version));
      const count = (table: string) => getRow<{ n: number }>(after.db, `SELECT count(*) AS n FROM ${table}`)!.n;
      expect([count('jobs'), count('job_requests'), count('job_outputs'), count('events')]).toEqual([1, 1, 1, 1]);
      expect(getRow<{ id: string; duplicate_of: string | null }>(after.db, 'SELECT id, duplicate_of FROM jobs')).toMatchObject({ id: 'j1', duplicate_of: null });
      expect(getRow<{ foreign_keys: number }>(after.db, 'PRAGMA foreign_keys')?.foreign_keys).toBe(1);
      expect(allRows(after.db, 'PRAGMA foreign_key_check')).toEqual([]);
      // Still one first job per content and profile version.
      expect(() => run(after.db, `INSERT INTO jobs (id, content_hash, profile_id, profile_version, source_path, source_name, source_size,
                     folder_id, origin, provider, state, created_at, updated_at)
                    VALUES ('j2', 'h1', 'p', 1, '/in/b.jpg', 'b.jpg', 10, NULL, 'drop', 'fal', 'queued', 3, 3)`)).toThrow(/UNIQUE/);
    } finally {
      after.db.close();
    }
  });
});

describe('insertJobIfNew with copies', () => {
  it('records one skipped copy per path, returns the first job for its own path, and makes a copy anyway once', async () => {
    const store = openJobStore(dirs.make());
    try {
      const first = await store.jobs.insertJobIfNew(newJob({ contentHash: 'same', sourcePath: '/in/a.jpg', sourceName: 'a.jpg' }));
      expect(first.created).toBe(true);
      const again = await store.jobs.insertJobIfNew(newJob({ contentHash: 'same', sourcePath: '/in/a.jpg', sourceName: 'a.jpg' }));
      expect(again).toEqual({ job: first.job, created: false });

      const copy = await store.jobs.insertJobIfNew(newJob({ contentHash: 'same', sourcePath: '/in/b.jpg', sourceName: 'b.jpg' }));
      expect(copy.created).toBe(false);
      expect(copy.copyOf?.id).toBe(first.job.id);
      expect(copy.job).toMatchObject({ state: 'skipped', duplicateOf: first.job.id, sourcePath: '/in/b.jpg', stateReason: 'same image as a.jpg' });
      expect(copy.job.finishedAt).not.toBeNull();
      const copyAgain = await store.jobs.insertJobIfNew(newJob({ contentHash: 'same', sourcePath: '/in/b.jpg', sourceName: 'b.jpg' }));
      expect(copyAgain.job.id).toBe(copy.job.id);
      expect(await store.history.countByState()).toMatchObject({ queued: 1, skipped: 1 });

      const made = await store.jobs.makeAnyway(copy.job.id);
      expect(made).toMatchObject({ state: 'queued', duplicateOf: first.job.id, finishedAt: null, stateReason: 'made anyway by the user' });
      await expect(store.jobs.makeAnyway(copy.job.id)).rejects.toThrow(/not skipped/);
      await expect(store.jobs.makeAnyway(first.job.id)).rejects.toThrow(/not skipped/);
    } finally {
      await store.close();
    }
  });
});
