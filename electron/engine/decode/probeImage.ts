import { basename } from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { SmartResizeError } from '../../domain/errors';
import { decodeFailure } from './decodeErrors';
import { readHeicHeader } from './heicDecoder';
import { assertUnderPixelLimit, effectivePixelLimit } from './pixelLimit';
import { readImageFile } from './readImageFile';
import { sniffFormat, sniffHeifFamily } from './sniffFormat';
import { assertSelfContainedSvg, looksLikeMarkup } from './svgReferences';
import type { ImageFormat, ImageProbe, DecodeOptions } from './types';
import { SUPPORTED_IMAGE_FORMATS_TEXT } from '../../domain/sourceImages';

/** sharp's format names we accept; other loaders libvips may carry (PPM, FITS, Matlab, ...) are refused. */
const ACCEPTED_SHARP_FORMATS: Readonly<Record<string, ImageFormat>> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  tiff: 'tiff',
  heif: 'avif',
  svg: 'svg',
  jp2k: 'jp2',
  jxl: 'jxl',
};

/**
 * Looks at a file without decoding its pixels and refuses it early when it cannot be used: missing, a folder,
 * empty, unreadable, not an image we accept, damaged header, or over the pixel limit (a decompression-bomb guard).
 * Every refusal is a SmartResizeError whose message names the file.
 */
export async function probeImage(path: string, options: DecodeOptions = {}): Promise<ImageProbe> {
  const bytes = await readImageFile(path);
  return probeImageBytes(path, bytes, options);
}

/** probeImage for bytes already read (loadSourceImage reads a file once and reuses the bytes). */
export async function probeImageBytes(path: string, bytes: Buffer, options: DecodeOptions = {}): Promise<ImageProbe> {
  const fileName = basename(path);
  const sniffed = sniffFormat(bytes);
  // Before any decoder parses it: an SVG (or XML posing as one) that points outside itself is refused outright.
  if (sniffed === 'svg' || (sniffed === null && looksLikeMarkup(bytes))) assertSelfContainedSvg(fileName, bytes);
  const probe = await probeWithSharp(path, bytes, sniffed).catch((error: unknown) => {
    // sharp reads HEIC headers even without an HEVC decoder; if it cannot, the WASM decoder's parser may.
    if (isHevc(bytes)) return probeHeic(path, bytes);
    throw error;
  });
  // An SVG has no pixels until we rasterize it; intake picks a raster size under the limit instead of refusing.
  if (probe.format !== 'svg') assertUnderPixelLimit(fileName, probe.width, probe.height, effectivePixelLimit(options.limitInputPixels));
  return probe;
}

function isHevc(bytes: Buffer): boolean {
  return sniffHeifFamily(bytes) === 'heic';
}

async function probeWithSharp(path: string, bytes: Buffer, sniffed: ImageFormat | null): Promise<ImageProbe> {
  const fileName = basename(path);
  let metadata: Metadata;
  try {
    // Header only: the pixel limit is checked by us below, so the message can name the image's own size.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw decodeFailure(error, fileName, bytes, sniffed);
  }
  const format = metadata.format === 'heif' && metadata.compression === 'hevc' ? 'heic' : ACCEPTED_SHARP_FORMATS[metadata.format];
  if (!format) {
    throw new SmartResizeError(
      'unsupported_format',
      `"${fileName}" is a ${metadata.format.toUpperCase()} file, which Smart Resize does not accept (use ${SUPPORTED_IMAGE_FORMATS_TEXT}).`,
    );
  }
  const width = metadata.autoOrient?.width ?? metadata.width;
  const height = metadata.autoOrient?.height ?? metadata.pageHeight ?? metadata.height;
  if (!width || !height) throw decodeFailure(new Error('no image size in header'), fileName, bytes, sniffed);
  return {
    path,
    fileName,
    fileSize: bytes.length,
    format,
    width,
    height,
    pages: metadata.pages ?? 1,
    hasAlpha: metadata.hasAlpha ?? false,
    space: metadata.space ?? 'srgb',
    bitsPerSample: bitsOf(metadata.depth),
    orientation: metadata.orientation ?? 1,
  };
}

async function probeHeic(path: string, bytes: Buffer): Promise<ImageProbe> {
  const fileName = basename(path);
  let header: Awaited<ReturnType<typeof readHeicHeader>>;
  try {
    header = await readHeicHeader(bytes);
  } catch (error) {
    throw decodeFailure(error, fileName, bytes, 'heic');
  }
  return {
    path,
    fileName,
    fileSize: bytes.length,
    format: 'heic',
    width: header.width,
    height: header.height,
    pages: header.images,
    // Unknown to this header reader; loadSourceImage drops an all-opaque alpha channel after decoding anyway.
    hasAlpha: false,
    space: 'srgb',
    bitsPerSample: 8,
    orientation: 1,
  };
}

function bitsOf(depth: string | undefined): number {
  if (depth === 'ushort' || depth === 'short') return 16;
  if (depth === 'uint' || depth === 'int' || depth === 'float') return 32;
  if (depth === 'double' || depth === 'complex') return 64;
  return 8;
}
