import { fileTypeFromBuffer } from 'file-type';
import { looksLikeSvgText } from '../../domain/sourceImages';

/** How many leading bytes the sniffers need. */
export const SNIFF_BYTES = 4100;

// Raster formats the engine decodes (sharp, or the WASM HEIC decoder).
const RASTER_MIME_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/tiff',
  'image/avif',
  'image/heic',
  'image/heif',
  'image/heic-sequence',
  'image/heif-sequence',
]);

/** A recognised image: its usual extension, without the dot. */
export interface SniffedImage {
  readonly extension: string;
}

/**
 * Decides from the first bytes whether an upload is an image the engine can take, whatever its name says.
 * Returns null for anything else (documents, archives, executables, text).
 */
export async function sniffImage(head: Buffer): Promise<SniffedImage | null> {
  // First: file-type names an SVG with an XML declaration "xml", which is not one of the raster types below.
  if (looksLikeSvgText(head.toString('utf8'))) return { extension: 'svg' };
  const type = await fileTypeFromBuffer(head);
  if (type && RASTER_MIME_TYPES.has(type.mime)) return { extension: type.ext };
  return null;
}
