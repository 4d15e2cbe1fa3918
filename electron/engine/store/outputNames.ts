/** A name given to an output, as the store records it (see migration 019). */
export interface OutputNameClaim {
  readonly sourcePath: string;
  /** What the naming template gave. */
  readonly desiredPath: string;
  /** The name the output gets: the desired one, or "name (2)" ... */
  readonly path: string;
  /** `path` folded (NFC, case folded): the key no two outputs share. */
  readonly foldedPath: string;
}

/** The store's record of output names: one owner per folded path. */
export interface OutputNameRegistry {
  /** The name this source's output at `desiredPath` was given before, if any. */
  findName(sourcePath: string, desiredPath: string): Promise<string | undefined>;
  /**
   * Gives `path` to this source's output unless its folded path belongs to another: resolves the name the output
   * now has (this one, or one an instance gave it meanwhile), or undefined when the folded path is taken.
   */
  claimName(claim: OutputNameClaim): Promise<string | undefined>;
}
