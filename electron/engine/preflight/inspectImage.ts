import { parse as parseIcc } from 'icc';
import sharp from 'sharp';
import type { ImageFacts } from './preflightInput';

/** Reads what preflight needs from encoded bytes: size, encoding, colour space and the ICC profile's name. */
export async function inspectImage(bytes: Buffer): Promise<ImageFacts> {
  const meta = await sharp(bytes).metadata();
  return {
    width: meta.autoOrient?.width ?? meta.width ?? 0,
    height: meta.autoOrient?.height ?? meta.height ?? 0,
    bytes: bytes.length,
    format: meta.format ?? 'unknown',
    space: meta.space ?? 'unknown',
    iccDescription: meta.icc ? iccDescription(meta.icc) : undefined,
  };
}

/** The profile's description tag (the `icc` package parses v2 and v4 profiles), or "unnamed profile". */
function iccDescription(icc: Buffer): string {
  try {
    const description = parseIcc(icc).description;
    if (typeof description === 'string' && description.trim() !== '') return description.trim();
  } catch {
    // An unreadable profile is still a profile; name it so.
  }
  return 'unnamed profile';
}
