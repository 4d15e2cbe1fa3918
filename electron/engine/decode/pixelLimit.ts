import { SmartResizeError } from '../../domain/errors';
import { DEFAULT_PIXEL_LIMIT } from './types';

/** The pixel limit in force: the option when it is a positive whole number, sharp's default otherwise. */
export function effectivePixelLimit(limit: number | undefined): number {
  return limit !== undefined && Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_PIXEL_LIMIT;
}

/** Refuses an image whose one frame has more pixels than the limit, naming the file, its size and the limit. */
export function assertUnderPixelLimit(fileName: string, width: number, height: number, limit: number): void {
  const pixels = width * height;
  if (pixels <= limit) return;
  throw new SmartResizeError(
    'pixel_limit_exceeded',
    `"${fileName}" is ${width} x ${height} = ${formatCount(pixels)} pixels, over the pixel limit of ${formatCount(limit)} ` +
      `pixels that protects against decompression bombs. Use a smaller image, or raise the pixel limit in Settings.`,
  );
}

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
