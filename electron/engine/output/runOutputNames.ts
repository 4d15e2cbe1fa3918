import type { OutputNameClaim, OutputNameRegistry } from '../store/outputNames';

/**
 * The output names given during one run that has no store (the CLI's `resize`): the same rule as the store's record
 * (one owner per folded path, a source's earlier name reused), kept in memory for the run. Files an earlier run
 * left are found on disk by outputNameFor, as they are for the engine.
 */
export class RunOutputNames implements OutputNameRegistry {
  /** Folded path → the claim that owns it. */
  private readonly byFolded = new Map<string, OutputNameClaim>();
  /** `source\0desired` → the name given. */
  private readonly given = new Map<string, string>();

  findName(sourcePath: string, desiredPath: string): Promise<string | undefined> {
    return Promise.resolve(this.given.get(keyOf(sourcePath, desiredPath)));
  }

  claimName(claim: OutputNameClaim): Promise<string | undefined> {
    if (!this.byFolded.has(claim.foldedPath)) {
      this.byFolded.set(claim.foldedPath, claim);
      this.given.set(keyOf(claim.sourcePath, claim.desiredPath), claim.path);
    }
    return this.findName(claim.sourcePath, claim.desiredPath);
  }
}

function keyOf(sourcePath: string, desiredPath: string): string {
  return `${sourcePath}\0${desiredPath}`;
}
