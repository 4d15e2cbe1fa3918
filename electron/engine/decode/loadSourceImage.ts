import { basename } from 'node:path';
import sharp from 'sharp';
import { decodeFailure } from './decodeErrors';
import { decodeHeicPixels } from './heicDecoder';
import { decodeNotes } from './decodeNotes';
import { effectivePixelLimit } from './pixelLimit';
import { probeImageBytes } from './probeImage';
import { resizeRaw, withoutUselessAlpha } from './rawPixels';
import { readImageFile } from './readImageFile';
import { sniffFormat } from './sniffFormat';
import { svgDensity } from './svgRaster';
import type { ImageProbe, LoadOptions, RawImage, SourceImage } from './types';

/**
 * Stop on truncated or broken pixel data ('error' also implies 'truncated'), but let through the harmless warnings
 * many cameras and editors produce (e.g. extraneous bytes in a JPEG), which other viewers ignore too.
 */
const FAIL_ON = 'error' as const;

/**
 * Reads, probes and decodes an image once into 8-bit sRGB pixels (RGB, or RGBA when it has real transparency),
 * upright, first frame only, ready for the engine to fan out to every size. Refusals are SmartResizeErrors
 * naming the file: missing, folder, empty, unreadable, unsupported, corrupt, truncated, or over the pixel limit.
 */
export async function loadSourceImage(path: string, options: LoadOptions = {}): Promise<SourceImage> {
  const bytes = await readImageFile(path);
  const probe = await probeImageBytes(path, bytes, options);
  const minScale = clampScale(typeof options.minScale === 'function' ? options.minScale(probe) : options.minScale);
  try {
    const decoded = probe.format === 'heic' ? await decodeHeic(bytes, probe, minScale) : await decodeWithSharp(bytes, probe, options, minScale);
    const raw = await withoutUselessAlpha(decoded);
    return { probe, raw, notes: decodeNotes(probe, raw) };
  } catch (error) {
    throw decodeFailure(error, basename(path), bytes, sniffFormat(bytes));
  }
}

async function decodeWithSharp(bytes: Buffer, probe: ImageProbe, options: LoadOptions, minScale: number): Promise<RawImage> {
  const limit = effectivePixelLimit(options.limitInputPixels);
  const isSvg = probe.format === 'svg';
  let pipeline = sharp(bytes, {
    limitInputPixels: limit,
    failOn: FAIL_ON,
    autoOrient: true,
    pages: 1,
    page: 0,
    ...(isSvg ? { density: svgDensity(probe.width, probe.height, options.maxSvgSide, limit) } : {}),
  });
  // An SVG is already rasterized at the size we chose; shrinking it again would only waste detail.
  const scaled = isSvg ? null : scaledSize(probe, minScale);
  // JPEG and WebP decode straight to a smaller size here (shrink-on-load), the main saving for big photos.
  if (scaled) pipeline = pipeline.resize(scaled.width, scaled.height, { fit: 'fill' });
  // toColourspace('srgb') converts CMYK (with sharp's built-in profile when the file has none), grey and
  // 16-bit images; raw depth 'uchar' pins 8 bits per channel.
  const { data, info } = await pipeline.toColourspace('srgb').raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 && info.channels !== 4) throw new Error(`unexpected ${info.channels}-channel decode`);
  return { data, width: info.width, height: info.height, channels: info.channels };
}

async function decodeHeic(bytes: Buffer, probe: ImageProbe, minScale: number): Promise<RawImage> {
  const raw = await decodeHeicPixels(bytes);
  const scaled = scaledSize(probe, minScale);
  return scaled ? resizeRaw(raw, scaled.width, scaled.height) : raw;
}

/** The decode size for a scale below 1, never smaller than asked; null when the full size is needed. */
function scaledSize(probe: ImageProbe, minScale: number): { width: number; height: number } | null {
  if (minScale >= 1) return null;
  const width = Math.min(probe.width, Math.max(1, Math.ceil(probe.width * minScale)));
  const height = Math.min(probe.height, Math.max(1, Math.ceil(probe.height * minScale)));
  return width === probe.width && height === probe.height ? null : { width, height };
}

function clampScale(scale: number | undefined): number {
  if (scale === undefined || !Number.isFinite(scale) || scale >= 1) return 1;
  return Math.max(scale, 1e-4);
}
