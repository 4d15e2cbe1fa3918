import type { StoredMarks } from '../jobRepositories';
import { getRow, run } from './sqlite';
import type { StoreContext } from './storeContext';

/** The focal point and keep boxes per source content hash (SQLite; the contract is SourceMarksRepository's). */
export class SqliteSourceMarksRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** The marks stored for this content, or undefined. */
  getMarks(contentHash: string): StoredMarks | undefined {
    const row = getRow<{ marks: string; updated_at: number }>(this.ctx.db, 'SELECT marks, updated_at FROM source_marks WHERE content_hash = :contentHash', { contentHash });
    return row && { marks: JSON.parse(row.marks) as unknown, updatedAt: row.updated_at };
  }

  /** Stores (or replaces) the marks of this content; `updatedAt` defaults to now. */
  setMarks(contentHash: string, marks: unknown, updatedAt = this.ctx.now()): StoredMarks {
    run(
      this.ctx.db,
      `INSERT INTO source_marks (content_hash, marks, updated_at) VALUES (:contentHash, :marks, :updatedAt)
       ON CONFLICT (content_hash) DO UPDATE SET marks = excluded.marks, updated_at = excluded.updated_at`,
      { contentHash, marks: JSON.stringify(marks), updatedAt },
    );
    return { marks, updatedAt };
  }
}
