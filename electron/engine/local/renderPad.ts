import sharp from 'sharp';
import type { RawImage } from '../intake/types';
import { type EncodeOptions, withEncoder } from './encodeOutput';
import { featherIntoBlur } from './featherBlend';
import type { Box } from './geometry';
import { mirrorTile } from './mirrorTile';
import type { LayoutPlan } from './planLayout';
import { rawDescriptor } from './renderCrop';

type PadPlan = Extract<LayoutPlan, { method: 'pad' }>;

/** The blurred fill is made on a canvas about this long, then scaled up: blurring at full size costs far more. */
const BLUR_CANVAS_SIDE = 160;
/** Blur radius (sigma) on that small canvas: about 5% of its side, enough to dissolve any detail. */
const BLUR_SIGMA = 8;

/**
 * Encodes a padded output: the plan's region scaled into `placement`, the rest of the canvas a content-aware
 * extension of the image, never flat bars: the image mirrored outward (the band beside the subject only), sharp at
 * the image edge and feathered into a heavy blur of itself further out.
 */
export async function renderPad(raw: RawImage, plan: PadPlan, encode: EncodeOptions): Promise<{ bytes: Buffer; width: number; height: number }> {
  const { target, region, placement, subjectInTarget } = plan;
  const fitted = await sharp(raw.data, { raw: rawDescriptor(raw) })
    .extract(region)
    .resize(placement.width, placement.height, { fit: 'fill' })
    .raw()
    .toBuffer();
  const fittedRaw = { data: fitted, width: placement.width, height: placement.height, channels: raw.channels };
  const mirrored = mirrorTile(fittedRaw, placement, target, subjectInTarget);
  const blurred = await blurredCopy(mirrored, target, raw.channels);
  featherIntoBlur({ mirrored, blurred, width: target.width, height: target.height, channels: raw.channels }, placement, featherWidth(placement));
  const canvas = sharp(mirrored, { raw: rawDescriptor({ ...target, channels: raw.channels }) });
  const { data, info } = await withEncoder(canvas, encode, raw.channels === 4).toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}

/** Feather distance: a tenth of the placed image's short side, within 2..64 pixels. */
function featherWidth(placement: Box): number {
  return Math.min(64, Math.max(2, Math.round(0.1 * Math.min(placement.width, placement.height))));
}

/** The canvas heavily blurred: shrunk to about BLUR_CANVAS_SIDE, blurred there, scaled back up. */
async function blurredCopy(canvas: Buffer, size: { width: number; height: number }, channels: 3 | 4): Promise<Buffer> {
  const shrink = Math.max(1, Math.max(size.width, size.height) / BLUR_CANVAS_SIDE);
  const small = { width: Math.max(1, Math.round(size.width / shrink)), height: Math.max(1, Math.round(size.height / shrink)) };
  // Two passes: sharp applies one resize per pipeline, and the blur belongs between the two.
  const blurredSmall = await sharp(canvas, { raw: rawDescriptor({ ...size, channels }) })
    .resize(small.width, small.height, { fit: 'fill' })
    .blur(BLUR_SIGMA)
    .raw()
    .toBuffer();
  return sharp(blurredSmall, { raw: rawDescriptor({ ...small, channels }) })
    .resize(size.width, size.height, { fit: 'fill' })
    .raw()
    .toBuffer();
}
