import sharp from 'sharp';
import type { Box } from '../../local/geometry';
import { featherIntoBlur } from '../../local/featherBlend';
import { mirrorTile } from '../../local/mirrorTile';
import { rawDescriptor } from '../../local/renderCrop';
import type { Canvas } from './canvasPixels';

/** The blurred layer is made on a canvas about this long, then scaled up. */
const BLUR_CANVAS_SIDE = 160;
const BLUR_SIGMA = 8;
/**
 * The least band (share of the fitted image's side) that is reflected. Today's mirror reflected only the band
 * between the image edge and the subject: a subject touching the edge left one pixel, stretched into streaks.
 */
export const MIRROR_MIN_BAND_SHARE = 0.12;

/**
 * The `mirror` fill: the image reflected outward (the band beside the subject, at least MIRROR_MIN_BAND_SHARE of
 * the side), sharp at the image edge and feathered into a heavy blur of itself further out. Returns the canvas.
 */
export async function mirrorFill(fitted: Buffer, placement: Box, canvas: Omit<Canvas, 'data'>, subjectInTarget: Box, minBandShare = MIRROR_MIN_BAND_SHARE): Promise<Buffer> {
  const fittedRaw = { data: fitted, width: placement.width, height: placement.height, channels: canvas.channels };
  const mirrored = mirrorTile(fittedRaw, placement, canvas, subjectInTarget, minBandShare);
  const shrink = Math.max(1, Math.max(canvas.width, canvas.height) / BLUR_CANVAS_SIDE);
  const small = { width: Math.max(1, Math.round(canvas.width / shrink)), height: Math.max(1, Math.round(canvas.height / shrink)) };
  const blurredSmall = await sharp(mirrored, { raw: rawDescriptor(canvas) }).resize(small.width, small.height, { fit: 'fill' }).blur(BLUR_SIGMA).raw().toBuffer();
  const blurred = await sharp(blurredSmall, { raw: rawDescriptor({ ...small, channels: canvas.channels }) })
    .resize(canvas.width, canvas.height, { fit: 'fill' })
    .raw()
    .toBuffer();
  const feather = Math.min(64, Math.max(2, Math.round(0.1 * Math.min(placement.width, placement.height))));
  featherIntoBlur({ mirrored, blurred, width: canvas.width, height: canvas.height, channels: canvas.channels }, placement, feather);
  return mirrored;
}
