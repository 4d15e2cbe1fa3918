/**
 * Insets of a placement's safe zone in target pixels: the bands along each edge a platform covers with its own UI
 * (a story's header and reply bar, a feed's caption). Must-keep subjects belong inside them. The placement specs
 * (electron/domain/placements) supply them; no placement means no insets.
 */
export interface SafeInsets {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** No safe zone: the whole canvas is usable. */
export const NO_INSETS: SafeInsets = { top: 0, right: 0, bottom: 0, left: 0 };
