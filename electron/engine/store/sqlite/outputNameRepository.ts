import type { OutputNameClaim } from '../outputNames';
import { getRow, run } from './sqlite';
import type { StoreContext } from './storeContext';

/** Output names by their folded form (SQLite; the contract is OutputNameRegistry's). */
export class SqliteOutputNameRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** The name this source's output at `desiredPath` was given before, if any. */
  findName(sourcePath: string, desiredPath: string): string | undefined {
    return getRow<{ path: string }>(this.ctx.db, 'SELECT path FROM output_names WHERE source_path = :sourcePath AND desired_path = :desiredPath', { sourcePath, desiredPath })?.path;
  }

  /** Gives the name unless its folded form is taken; the name this output has, or undefined. */
  claimName(claim: OutputNameClaim): string | undefined {
    run(
      this.ctx.db,
      `INSERT INTO output_names (folded_path, path, source_path, desired_path, claimed_at)
       VALUES (:foldedPath, :path, :sourcePath, :desiredPath, :now) ON CONFLICT DO NOTHING`,
      { ...claim, now: this.ctx.now() },
    );
    return this.findName(claim.sourcePath, claim.desiredPath);
  }
}
