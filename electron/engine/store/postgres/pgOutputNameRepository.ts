import type { OutputNameClaim, OutputNameRegistry } from '../outputNames';
import type { PgContext } from './pgContext';
import { pgRow, pgRun } from './pgSql';

/**
 * Output names by their folded form (PostgreSQL): the primary key decides between instances claiming at once (the
 * second insert waits for the first to commit, then does nothing), so they always agree on who has which name.
 */
export class PgOutputNameRepository implements OutputNameRegistry {
  constructor(private readonly ctx: PgContext) {}

  async findName(sourcePath: string, desiredPath: string): Promise<string | undefined> {
    return (await pgRow<{ path: string }>(this.ctx.client, 'SELECT path FROM output_names WHERE source_path = :sourcePath AND desired_path = :desiredPath', { sourcePath, desiredPath }))?.path;
  }

  async claimName(claim: OutputNameClaim): Promise<string | undefined> {
    await pgRun(
      this.ctx.client,
      `INSERT INTO output_names (folded_path, path, source_path, desired_path, claimed_at)
       VALUES (:foldedPath, :path, :sourcePath, :desiredPath, :now) ON CONFLICT DO NOTHING`,
      { ...claim, now: this.ctx.now() },
    );
    return this.findName(claim.sourcePath, claim.desiredPath);
  }
}
