/**
 * How one output shows its source, in the vocabulary every side shares (the engine records it per output, the
 * contract carries it, the job view draws it as a frame on the source). Boxes are in the upright source's own
 * pixels, whatever size the engine decoded it at.
 */

/** `crop`: part of the source over the whole canvas; `crop_pad`: a crop that still leaves some fill; `pad`: all of it. */
export const LAYOUT_METHODS = ['crop', 'crop_pad', 'pad'] as const;

/** One of LAYOUT_METHODS. */
type LayoutMethodName = (typeof LAYOUT_METHODS)[number];

/** How padded canvas is filled (the composition engine's fill styles). */
export const FILL_STYLE_NAMES = ['blur', 'extend', 'solid', 'mirror'] as const;

/** One of FILL_STYLE_NAMES. */
export type FillStyleName = (typeof FILL_STYLE_NAMES)[number];

/** A rectangle in upright source pixels; a layout window may reach past the source's edges (that part is fill). */
export interface SourceBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The layout of one locally made output. */
export interface OutputLayout {
  readonly method: LayoutMethodName;
  /** The fill of the padded part; null for a crop. */
  readonly fill: FillStyleName | null;
  /** The window of the target's aspect ratio laid over the source: dragging it is a nudge. */
  readonly window: SourceBox;
  /** The part of the source the output shows (the window clipped to the source). */
  readonly sourceRegion: SourceBox;
}
