import { SmartResizeError } from '../../domain/errors';
import type { ImageFormat } from './types';
import { SUPPORTED_IMAGE_FORMATS_TEXT } from '../../domain/sourceImages';

/** Decoder messages that mean the data stops early (libjpeg, giflib, libheif, libtiff wordings). */
const TRUNCATION_WORDING = /premature end|unexpected end|truncat|end of file|not enough data|short read|out of data/i;

/**
 * Whether the file's own structure says it was cut short: PNG without its IEND chunk, WebP shorter than its RIFF
 * header declares, GIF without its trailer byte. Decoders report these as generic read errors, so we look ourselves.
 */
function looksTruncated(bytes: Uint8Array, format: ImageFormat | null): boolean {
  if (format === 'png') {
    const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 12))).toString('latin1');
    return !tail.includes('IEND');
  }
  if (format === 'webp' && bytes.length >= 8) {
    const declared = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32LE(4) + 8;
    return bytes.length < declared;
  }
  if (format === 'gif') return bytes[bytes.length - 1] !== 0x3b;
  // libvips' error text is shared between threads: with decodes running in parallel, a cut JPEG can come back as
  // "Unknown error". Its missing end-of-image marker (FF D9) says the same thing reliably.
  if (format === 'jpeg') return !(bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9);
  return false;
}

/**
 * Turns a sharp/libvips/decoder failure into the SmartResizeError a user sees. `sniffed` is what the file's magic
 * bytes claim: a file no signature matches is "not an image we read", one that matches but fails is damaged.
 */
export function decodeFailure(error: unknown, fileName: string, bytes: Uint8Array, sniffed: ImageFormat | null): SmartResizeError {
  if (error instanceof SmartResizeError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (/unsupported image format/i.test(detail) && !sniffed) {
    return new SmartResizeError(
      'unsupported_format',
      `"${fileName}" is not an image format Smart Resize can read (${SUPPORTED_IMAGE_FORMATS_TEXT}).`,
      { cause: error },
    );
  }
  if (TRUNCATION_WORDING.test(detail) || looksTruncated(bytes, sniffed)) {
    return new SmartResizeError(
      'truncated_image',
      `"${fileName}" is incomplete: the image data stops early (an interrupted download or copy?).`,
      { cause: error },
    );
  }
  const what = sniffed ? `${sniffed.toUpperCase()} file` : 'file';
  return new SmartResizeError('corrupt_image', `"${fileName}" looks like a ${what} but is damaged and cannot be read.`, {
    cause: error,
  });
}
