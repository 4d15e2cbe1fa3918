import { SmartResizeError } from '../errors';

/** An exact output size in pixels. */
export interface TargetSize {
  readonly width: number;
  readonly height: number;
}

/** The local engine renders anything from 1x1 up to this many pixels per side. */
export const LOCAL_MAX_SIDE = 16384;

const SIZE_PATTERN = /^\s*(\d{1,6})\s*[xX×]\s*(\d{1,6})\s*$/;

/** Parses `"1080x1350"` (also `X` or `×`) into a size; refuses zero, negatives, junk and sides over LOCAL_MAX_SIDE. */
export function parseTargetSize(text: string): TargetSize {
  const match = SIZE_PATTERN.exec(text);
  if (!match) {
    throw new SmartResizeError('invalid_size', `"${text}" is not a size: write it as WIDTHxHEIGHT, for example 1080x1350.`);
  }
  const width = Number(match[1]);
  const height = Number(match[2]);
  return validateTargetSize({ width, height });
}

/** Checks a size object is whole pixels within 1..LOCAL_MAX_SIDE on each side. */
export function validateTargetSize(size: TargetSize): TargetSize {
  for (const [side, value] of [['width', size.width], ['height', size.height]] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new SmartResizeError('invalid_size', `Size ${formatTargetSize(size)}: the ${side} must be a whole number of at least 1 pixel.`);
    }
    if (value > LOCAL_MAX_SIDE) {
      throw new SmartResizeError(
        'invalid_size',
        `Size ${formatTargetSize(size)}: the ${side} is over the ${LOCAL_MAX_SIDE}-pixel limit per side.`,
      );
    }
  }
  return { width: size.width, height: size.height };
}

/** Parses a comma-separated list such as `"1080x1080,1920x1080"`, dropping exact duplicates but keeping order. */
export function parseTargetSizeList(text: string): TargetSize[] {
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part.length > 0);
  if (parts.length === 0) throw new SmartResizeError('invalid_size', 'No sizes given: write them as 1080x1080,1920x1080.');
  const seen = new Set<string>();
  const sizes: TargetSize[] = [];
  for (const part of parts) {
    const size = parseTargetSize(part);
    const key = formatTargetSize(size);
    if (!seen.has(key)) {
      seen.add(key);
      sizes.push(size);
    }
  }
  return sizes;
}

/** `{width: 1080, height: 1350}` -> `"1080x1350"`, the form fal's `target_sizes` takes. */
export function formatTargetSize(size: TargetSize): string {
  return `${size.width}x${size.height}`;
}
