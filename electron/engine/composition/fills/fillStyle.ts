/**
 * How the area around a padded image is filled. `blur`: the image itself scaled to cover the canvas, blurred and
 * slightly dimmed (the default: reads as a backdrop, never as content). `extend`: the image's edges carried outward
 * and smoothed with distance (no seam, nothing mirrored, so no backwards text). `solid`: one colour, the image's
 * dominant edge colour or the profile's brand colour. `mirror`: the image reflected outward, feathered into a blur.
 */
export type FillStyle = 'blur' | 'extend' | 'solid' | 'mirror';

export const FILL_STYLES = ['blur', 'extend', 'solid', 'mirror'] as const satisfies readonly FillStyle[];

/** The fill of one profile: its style and, for `solid`, an optional brand colour (`#rrggbb`). */
export interface FillOptions {
  readonly style: FillStyle;
  readonly colour?: string;
}

export const DEFAULT_FILL: FillOptions = { style: 'blur' };
