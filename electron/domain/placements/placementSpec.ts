/**
 * What an ad platform accepts for one placement, as data. Every figure carries the page it was read on and the
 * day it was checked; a figure no stored page gave is left out (null/absent) and named in `unverified`, never
 * guessed. Kilobytes are counted as 1000 bytes: the stricter reading, so a file under the limit here is under it
 * whichever way the platform counts.
 */

/** Image encodings a placement may accept. */
export type PlacementFormat = 'jpeg' | 'png' | 'webp' | 'gif';

/** Space kept free of subjects, faces and text on each side (platform buttons, captions, cropping). */
export interface SafeZoneInsets {
  readonly unit: 'px' | 'percent';
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Where a figure was read and when. `note` says what the page is when it is not the platform's own. */
export interface SpecSource {
  readonly url: string;
  /** YYYY-MM-DD */
  readonly verified: string;
  readonly note?: string;
}

/** One placement: the file a platform takes for it on the first upload. */
export interface PlacementSpec {
  /** Stable id used in profiles and on the command line, e.g. "iab-300x250". */
  readonly id: string;
  readonly platform: string;
  readonly name: string;
  readonly width: number;
  readonly height: number;
  /**
   * How far the aspect ratio may be from width/height, as a fraction (0.01 = 1%). 0: the platform wants exactly
   * these pixels (fixed ad slots); above 0 the platform resizes, so any size of this ratio at least `minSize` is taken.
   */
  readonly aspectTolerance: number;
  /** Smallest width and height the platform takes where it resizes (each side on its own, as platforms state them). */
  readonly minSize?: { readonly width: number; readonly height: number };
  /** Largest file, in KB (1000 bytes); null when no stored source gave one. */
  readonly maxKB: number | null;
  readonly formats: readonly PlacementFormat[];
  readonly colorSpace: 'srgb';
  readonly safeZone?: SafeZoneInsets;
  readonly sources: readonly SpecSource[];
  /** The figures no stored page confirmed, in words; empty when every figure has a source. */
  readonly unverified: readonly string[];
}

/** A versioned set of placements (one platform or family). A changed figure is a new version. */
export interface SpecPack {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly placements: readonly PlacementSpec[];
  /** Placements the brief asked for that no stored page described, so they are not in the pack. */
  readonly notFound: readonly string[];
}

/** The day the figures of this build's packs were looked up. */
export const SPECS_VERIFIED_ON = '2026-12-01';
