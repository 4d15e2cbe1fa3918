/** sharp's own default for `limitInputPixels` (0x3FFF x 0x3FFF): the decompression-bomb guard. */
export const DEFAULT_PIXEL_LIMIT = 268_402_689;

/** Long side, in pixels, an SVG is rasterized to unless told otherwise: the longest side of any built-in preset (2560x1440). */
export const DEFAULT_SVG_LONG_SIDE = 2560;

/** Knobs of decoding; every one has a safe default. */
export interface DecodeOptions {
  /** Refuse images with more pixels than this (width x height of one frame). Default: sharp's 268,402,689. */
  readonly limitInputPixels?: number;
  /** Long side an SVG is rasterized to (it is also kept under limitInputPixels). Default 2560. */
  readonly maxSvgSide?: number;
}

/** Container formats decoding recognises. `heic` is HEVC-coded HEIF (decoded in WASM); AVIF stays `heif` in sharp. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif' | 'heic' | 'svg' | 'jp2' | 'jxl' | 'other';

/** What a header-only look at a file tells: enough to refuse it or plan work, without decoding pixels. */
export interface ImageProbe {
  /** Absolute path as given. */
  readonly path: string;
  /** Base name, for messages. */
  readonly fileName: string;
  readonly fileSize: number;
  readonly format: ImageFormat;
  /** Upright size in pixels (after EXIF orientation; one frame of an animation; SVG at its intrinsic size). */
  readonly width: number;
  readonly height: number;
  /** Frames or pages in the file (1 for still images). */
  readonly pages: number;
  readonly hasAlpha: boolean;
  /** Colour space as the file stores it, e.g. `srgb`, `cmyk`, `b-w`, `grey16`, `rgb16`. */
  readonly space: string;
  /** Bits per channel of the stored samples (8 or 16 typically). */
  readonly bitsPerSample: number;
  /** EXIF orientation tag 1..8 (1 when absent). */
  readonly orientation: number;
}

/** Decoded pixels: 8-bit sRGB, interleaved, RGB (3 channels) or RGBA (4 channels), row-major without padding. */
export interface RawImage {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
}

/** A source decoded once, ready to fan out to every target size. */
export interface SourceImage {
  readonly probe: ImageProbe;
  readonly raw: RawImage;
  /** Things the user should know about how the file was read, e.g. "animated GIF with 8 frames: frame 1 used". */
  readonly notes: readonly string[];
}

/** Options for loading pixels; `minScale` lets the caller accept a smaller decode (JPEG/WebP shrink-on-load). */
export interface LoadOptions extends DecodeOptions {
  /**
   * The fraction of the upright full size the caller needs (0 < minScale <= 1, default 1). The local engine asks
   * for the largest scale any of its targets uses, so a 24 MP photo bound for 1080-pixel ads is decoded at a
   * fraction of the cost. The decode is never smaller than this fraction. A function receives the probe, so the
   * scale can depend on the image's size without reading the file twice.
   */
  readonly minScale?: number | ((probe: ImageProbe) => number);
}
