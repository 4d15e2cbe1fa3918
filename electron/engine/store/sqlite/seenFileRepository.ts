import { toSeenFileRecord, type SeenFileRow } from './rowMappers';
import { allRows, getRow, run } from './sqlite';
import type { StoreContext } from './storeContext';
import type { SeenFileInput } from '../jobRepositories';
import type { SeenFileRecord } from '../types';

/**
 * What intake has already looked at. A file whose path, size and mtime match its row need not be hashed again;
 * the hash lookup tells a renamed or copied file from new content.
 */
export class SqliteSeenFileRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Inserts or refreshes a file's row; `firstSeenAt` survives updates, `lastSeenAt` becomes now. */
  upsertSeenFile(file: SeenFileInput): SeenFileRecord {
    const row = getRow<SeenFileRow>(
      this.ctx.db,
      `INSERT INTO seen_files (path, size, mtime_ms, content_hash, folder_id, first_seen_at, last_seen_at)
       VALUES (:path, :size, :mtimeMs, :contentHash, :folderId, :now, :now)
       ON CONFLICT (path) DO UPDATE SET
         size = excluded.size, mtime_ms = excluded.mtime_ms, content_hash = excluded.content_hash,
         folder_id = excluded.folder_id, last_seen_at = excluded.last_seen_at
       RETURNING *`,
      { ...file, now: this.ctx.now() },
    );
    return toSeenFileRecord(row!);
  }

  /** The row for this exact path, or undefined. */
  getSeenFile(path: string): SeenFileRecord | undefined {
    const row = getRow<SeenFileRow>(this.ctx.db, 'SELECT * FROM seen_files WHERE path = :path', { path });
    return row && toSeenFileRecord(row);
  }

  /** Every seen path with this content, oldest first. */
  findSeenFilesByHash(contentHash: string): SeenFileRecord[] {
    return allRows<SeenFileRow>(
      this.ctx.db,
      'SELECT * FROM seen_files WHERE content_hash = :contentHash ORDER BY first_seen_at, path',
      { contentHash },
    ).map(toSeenFileRecord);
  }

  /** Forgets a path (the file was deleted or moved away). Returns whether a row existed. */
  removeSeenFile(path: string): boolean {
    return run(this.ctx.db, 'DELETE FROM seen_files WHERE path = :path', { path }).changes > 0;
  }
}
