import { getRow, run } from './sqlite';
import type { StoreContext } from './storeContext';

/** What the user marked on one source content: their focal point and keep boxes, and when. */
export interface StoredMarks {
  /** The JSON of the engine's UserMarks (shares of the upright source); checked by the caller's schema. */
  readonly marks: unknown;
  /** Epoch milliseconds. */
  readonly updatedAt: number;
}

/**
 * The focal point and keep boxes per source content hash. Asynchronous like the rest of the store's interface
 * (a PostgreSQL store answers over the network); SQLite answers at once.
 */
export class SourceMarksRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** The marks stored for this content, or undefined. */
  async getMarks(contentHash: string): Promise<StoredMarks | undefined> {
    const row = getRow<{ marks: string; updated_at: number }>(this.ctx.db, 'SELECT marks, updated_at FROM source_marks WHERE content_hash = :contentHash', { contentHash });
    return row && { marks: JSON.parse(row.marks) as unknown, updatedAt: row.updated_at };
  }

  /** Stores (or replaces) the marks of this content; `updatedAt` defaults to now. */
  async setMarks(contentHash: string, marks: unknown, updatedAt = this.ctx.now()): Promise<StoredMarks> {
    run(
      this.ctx.db,
      `INSERT INTO source_marks (content_hash, marks, updated_at) VALUES (:contentHash, :marks, :updatedAt)
       ON CONFLICT (content_hash) DO UPDATE SET marks = excluded.marks, updated_at = excluded.updated_at`,
      { contentHash, marks: JSON.stringify(marks), updatedAt },
    );
    return { marks, updatedAt };
  }
}
