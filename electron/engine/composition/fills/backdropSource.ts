import sharp from 'sharp';
import type { RawImage } from '../../decode/types';
import type { Box } from '../../local/geometry';
import type { TargetSize } from '../../../domain/sizes/targetSize';
import { rawDescriptor } from '../../local/renderCrop';

/** The blurred backdrop is made on a copy about this long (its long side), then scaled up (upscaleSmooth). */
const BACKDROP_SIDE = 48;
/** The least blur sigma on a backdrop copy, in its pixels (see backdropSize). */
const MIN_SIGMA = 2;
/** The shared copy has at least this many pixels per backdrop pixel, so resampling it to a backdrop still averages. */
const OVERSAMPLE = 2;

/**
 * The source shrunk once for every backdrop of one render: `scale` shrunk pixels per source pixel (1: the source
 * itself). A backdrop is a few dozen pixels across; cutting each size's cover out of the full decode cost a sharp
 * reduction of the whole image per size, most of a padded size's backdrop time.
 */
export interface BackdropSource {
  readonly raw: RawImage;
  readonly scale: number;
  readonly source: { readonly width: number; readonly height: number };
}

/** Shrinks `raw` just enough that each target's cover window still has OVERSAMPLE pixels per backdrop pixel. */
export async function backdropSource(raw: RawImage, targets: readonly TargetSize[]): Promise<BackdropSource> {
  const needed = Math.max(...targets.map((target) => (OVERSAMPLE * backdropSize(target).width) / coverSize(raw, target).width));
  if (!(needed < 1)) return { raw, scale: 1, source: raw };
  const width = Math.max(1, Math.round(raw.width * needed));
  const height = Math.max(1, Math.round(raw.height * needed));
  const data = await sharp(raw.data, { raw: rawDescriptor(raw) }).resize(width, height, { fit: 'fill' }).raw().toBuffer();
  return { raw: { data, width, height, channels: raw.channels }, scale: width / raw.width, source: raw };
}

/**
 * The backdrop copy of a target and its blur: the blur's sigma in canvas pixels is a sixteenth of the canvas' short
 * side (no detail, faces or letters, survives) plus a 192nd of its long side (so a thin banner still blurs along
 * it). The copy is BACKDROP_SIDE long, or larger where that would leave the blur under MIN_SIGMA copy pixels (a
 * 728x90 banner's): a blur that small in the copy leaves steps the bilinear enlargement would show.
 */
export function backdropSize(target: TargetSize): { width: number; height: number; sigma: number } {
  const long = Math.max(target.width, target.height);
  const canvasSigma = Math.min(target.width, target.height) / 16 + long / 192;
  const scale = Math.min(1, Math.max(BACKDROP_SIDE / long, MIN_SIGMA / canvasSigma));
  const width = Math.max(1, Math.round(target.width * scale));
  const height = Math.max(1, Math.round(target.height * scale));
  return { width, height, sigma: Math.max(0.3, (canvasSigma * width) / target.width) };
}

/** The largest source window of the target's aspect (clamped to the source). */
function coverSize(source: { width: number; height: number }, target: TargetSize): { width: number; height: number } {
  const aspect = target.width / target.height;
  const width = Math.max(1, Math.min(source.width, Math.round(source.height * aspect)));
  const height = Math.max(1, Math.min(source.height, Math.round(width / aspect)));
  return { width, height };
}

/** That window centred on the region's centre (clamped to the source), in the shrunk copy's pixels. */
export function coverAround(backdrop: BackdropSource, region: Box, target: TargetSize): Box {
  const { source, scale } = backdrop;
  const { width, height } = coverSize(source, target);
  const centreX = region.left + region.width / 2;
  const centreY = region.top + region.height / 2;
  const left = Math.min(source.width - width, Math.max(0, Math.round(centreX - width / 2)));
  const top = Math.min(source.height - height, Math.max(0, Math.round(centreY - height / 2)));
  if (scale === 1) return { left, top, width, height };
  return scaledBox({ left, top, width, height }, scale, backdrop.raw);
}

/** A source box in the shrunk copy's pixels: edges rounded, at least one pixel, inside the copy. */
function scaledBox(box: Box, scale: number, bounds: { width: number; height: number }): Box {
  const left = Math.min(bounds.width - 1, Math.round(box.left * scale));
  const top = Math.min(bounds.height - 1, Math.round(box.top * scale));
  const right = Math.min(bounds.width, Math.max(left + 1, Math.round((box.left + box.width) * scale)));
  const bottom = Math.min(bounds.height, Math.max(top + 1, Math.round((box.top + box.height) * scale)));
  return { left, top, width: right - left, height: bottom - top };
}
