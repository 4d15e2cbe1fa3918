import type { SourceMarksRepository, StoredMarks } from '../jobRepositories';
import type { PgContext } from './pgContext';
import { pgRow, pgRun } from './pgSql';

/** The focal point and keep boxes per source content hash (PostgreSQL): one set for the whole team. */
export class PgSourceMarksRepository implements SourceMarksRepository {
  constructor(private readonly ctx: PgContext) {}

  /** The marks stored for this content, or undefined. */
  async getMarks(contentHash: string): Promise<StoredMarks | undefined> {
    const row = await pgRow<{ marks: string; updated_at: number }>(this.ctx.client, 'SELECT marks, updated_at FROM source_marks WHERE content_hash = :contentHash', {
      contentHash,
    });
    return row && { marks: JSON.parse(row.marks) as unknown, updatedAt: row.updated_at };
  }

  /** Stores (or replaces) the marks of this content; `updatedAt` defaults to now. */
  async setMarks(contentHash: string, marks: unknown, updatedAt = this.ctx.now()): Promise<StoredMarks> {
    await pgRun(
      this.ctx.client,
      `INSERT INTO source_marks (content_hash, marks, updated_at) VALUES (:contentHash, :marks, :updatedAt)
       ON CONFLICT (content_hash) DO UPDATE SET marks = excluded.marks, updated_at = excluded.updated_at`,
      { contentHash, marks: JSON.stringify(marks), updatedAt },
    );
    return { marks, updatedAt };
  }
}
