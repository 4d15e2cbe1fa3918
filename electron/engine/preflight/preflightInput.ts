import type { KeepBox, PlacementSpec } from '../../domain/placements';

/** The facts of an encoded image that preflight judges (see inspectImage). */
export interface ImageFacts {
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  /** sharp's name for the encoding: jpeg, png, webp, gif, tiff, ... */
  readonly format: string;
  /** sharp's colour space name: srgb, rgb, cmyk, b-w, ... */
  readonly space: string;
  /** The embedded ICC profile's description, or undefined when none is embedded. */
  readonly iccDescription?: string;
}

/** Everything one output is checked against. */
export interface PreflightInput {
  readonly image: ImageFacts;
  /** The size the output was made for. */
  readonly target: { readonly width: number; readonly height: number };
  /** The placement the size row named, if any: brings weight, formats, tolerance and safe zone. */
  readonly placement?: PlacementSpec;
  /** A weight budget of the profile or the run (`--max-kb`), in bytes; the stricter of it and the placement's applies. */
  readonly maxBytes?: number;
  /** Why the budget encoder could not fit the limit, when it could not. */
  readonly budgetNote?: string;
  /** The source pixels the output was made from (the decoded source, upright); absent: the upscale check is skipped. */
  readonly source?: { readonly width: number; readonly height: number };
  /** Subject, faces, text... in output pixels; absent or empty: nothing known to keep clear. */
  readonly boxes?: readonly KeepBox[];
}

/** Kilobytes (1000 bytes) for messages. */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} KB`;
}
