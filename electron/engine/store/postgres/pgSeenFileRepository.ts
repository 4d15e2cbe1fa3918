import type { SeenFileInput, SeenFileRepository } from '../jobRepositories';
import { toSeenFileRecord, type SeenFileRow } from '../sqlite/rowMappers';
import type { SeenFileRecord } from '../types';
import type { PgContext } from './pgContext';
import { pgRow, pgRows, pgRun } from './pgSql';

/**
 * What intake has already looked at (PostgreSQL). Rows are per path and shared by the team: on a shared folder
 * every instance sees the same paths, so a file one instance hashed is not hashed again by the others.
 */
export class PgSeenFileRepository implements SeenFileRepository {
  constructor(private readonly ctx: PgContext) {}

  async upsertSeenFile(file: SeenFileInput): Promise<SeenFileRecord> {
    const row = await pgRow<SeenFileRow>(
      this.ctx.client,
      `INSERT INTO seen_files (path, size, mtime_ms, content_hash, folder_id, first_seen_at, last_seen_at)
       VALUES (:path, :size, :mtimeMs, :contentHash, :folderId, :now, :now)
       ON CONFLICT (path) DO UPDATE SET
         size = excluded.size, mtime_ms = excluded.mtime_ms, content_hash = excluded.content_hash,
         folder_id = excluded.folder_id, last_seen_at = excluded.last_seen_at
       RETURNING *`,
      { path: file.path, size: file.size, mtimeMs: file.mtimeMs, contentHash: file.contentHash, folderId: file.folderId, now: this.ctx.now() },
    );
    return toSeenFileRecord(row!);
  }

  async getSeenFile(path: string): Promise<SeenFileRecord | undefined> {
    const row = await pgRow<SeenFileRow>(this.ctx.client, 'SELECT * FROM seen_files WHERE path = :path', { path });
    return row && toSeenFileRecord(row);
  }

  async findSeenFilesByHash(contentHash: string): Promise<SeenFileRecord[]> {
    const rows = await pgRows<SeenFileRow>(
      this.ctx.client,
      'SELECT * FROM seen_files WHERE content_hash = :contentHash ORDER BY first_seen_at, path',
      { contentHash },
    );
    return rows.map(toSeenFileRecord);
  }

  async removeSeenFile(path: string): Promise<boolean> {
    return (await pgRun(this.ctx.client, 'DELETE FROM seen_files WHERE path = :path', { path })) > 0;
  }
}
