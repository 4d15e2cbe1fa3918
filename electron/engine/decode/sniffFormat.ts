import type { ImageFormat } from './types';
import { looksLikeSvgText } from '../../domain/sourceImages';

/** Brands of an ISO-BMFF `ftyp` box that mean HEVC-coded HEIF, which prebuilt sharp cannot decode. */
const HEVC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** Generic HEIF brands: the codec must be found elsewhere (the compatible brands, or the decoder's metadata). */
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1', 'miaf']);

/** `heic` / `avif` from an ftyp box's brands, `heif-unknown-codec` for generic HEIF brands only, or null. */
export function sniffHeifFamily(bytes: Uint8Array): 'heic' | 'avif' | 'heif-unknown-codec' | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return null;
  const boxSize = Math.min(readUint32(bytes, 0), bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  if (brands.some((brand) => HEVC_BRANDS.has(brand))) return 'heic';
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
  if (brands.some((brand) => GENERIC_HEIF_BRANDS.has(brand))) return 'heif-unknown-codec';
  return null;
}

/**
 * The format a file's first bytes claim, or null when no known signature matches. Used to tell "not an image we
 * read" (unsupported_format) from "an image we read, but damaged" (corrupt_image / truncated_image).
 */
export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20])) return 'jp2';
  if (startsWith(bytes, [0xff, 0x0a]) || startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20])) return 'jxl';
  const heif = sniffHeifFamily(bytes);
  if (heif === 'heic') return 'heic';
  if (heif) return 'avif';
  if (looksLikeSvg(bytes)) return 'svg';
  return null;
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  return looksLikeSvgText(Buffer.from(bytes.subarray(0, 4096)).toString('utf8'));
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((value, index) => bytes[index] === value);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) * 2 ** 24) + (((bytes[offset + 1] ?? 0) << 16) | ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0));
}
