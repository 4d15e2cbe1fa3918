import sharp from 'sharp';
import type { OutputLayout, SourceBox } from '../../domain/outputLayout';
import { loadSourceImage } from '../decode';
import { boxInDecoded } from './layoutInSource';

/** Backdrop of the part of a "before" picture the source does not cover (the fill, in the output). */
const BACKDROP = { r: 52, g: 64, b: 84 };

/**
 * The "before" of a before/after: the part of the source an output shows, at the output's own pixel size and place
 * (a crop's region scaled to the whole canvas; a padded layout's region where it lands, a plain backdrop around it).
 * Without a layout (fal recomposed the picture) the whole source is fitted inside the output's frame. JPEG bytes.
 */
export async function renderBeforeImage(sourcePath: string, output: { width: number; height: number }, layout: OutputLayout | null, limitInputPixels?: number): Promise<Buffer> {
  const loaded = await loadSourceImage(sourcePath, { limitInputPixels });
  const { raw, probe } = loaded;
  const upright = { width: probe.width, height: probe.height };
  const window = layout?.window ?? containWindow(upright, output);
  const region = layout?.sourceRegion ?? { left: 0, top: 0, ...upright };
  const scale = output.width / window.width;
  const place = {
    left: Math.round((region.left - window.left) * scale),
    top: Math.round((region.top - window.top) * scale),
    width: Math.max(1, Math.round(region.width * scale)),
    height: Math.max(1, Math.round(region.height * scale)),
  };
  const inDecoded = wholeBox(boxInDecoded(region, raw, upright), raw);
  const piece = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } })
    .extract(inDecoded)
    .resize(place.width, place.height, { fit: 'fill' })
    .png({ compressionLevel: 0 })
    .toBuffer();
  const left = Math.max(0, place.left);
  const top = Math.max(0, place.top);
  const clipped = await clipToCanvas(piece, place, output);
  return sharp({ create: { width: output.width, height: output.height, channels: 3, background: BACKDROP } })
    .composite([{ input: clipped, left, top }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** The window of the output's aspect ratio that holds the whole source, centred (what an outpainting shows). */
function containWindow(source: { width: number; height: number }, output: { width: number; height: number }): SourceBox {
  const aspect = output.width / output.height;
  const width = Math.max(source.width, source.height * aspect);
  const height = width / aspect;
  return { left: (source.width - width) / 2, top: (source.height - height) / 2, width, height };
}

/** A piece placed partly outside the canvas (rounding) cut to the part inside it. */
async function clipToCanvas(piece: Buffer, place: SourceBox, canvas: { width: number; height: number }): Promise<Buffer> {
  const left = Math.max(0, -place.left);
  const top = Math.max(0, -place.top);
  const width = Math.min(place.width - left, canvas.width - Math.max(0, place.left));
  const height = Math.min(place.height - top, canvas.height - Math.max(0, place.top));
  if (left === 0 && top === 0 && width === place.width && height === place.height) return piece;
  return sharp(piece).extract({ left, top, width: Math.max(1, width), height: Math.max(1, height) }).toBuffer();
}

function wholeBox(box: SourceBox, size: { width: number; height: number }): { left: number; top: number; width: number; height: number } {
  const left = Math.min(size.width - 1, Math.max(0, Math.round(box.left)));
  const top = Math.min(size.height - 1, Math.max(0, Math.round(box.top)));
  const right = Math.min(size.width, Math.max(left + 1, Math.round(box.left + box.width)));
  const bottom = Math.min(size.height, Math.max(top + 1, Math.round(box.top + box.height)));
  return { left, top, width: right - left, height: bottom - top };
}
