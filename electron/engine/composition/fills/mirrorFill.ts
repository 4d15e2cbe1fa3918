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
const MIRROR_MIN_BAND_SHARE = 0.12;

/**
 * The `mirror` fill: the image reflected outward (the band beside the subject, at least MIRROR_MIN_BAND_SHARE of
 * the side), sharp at the image edge and feathered into the blur backdrop further out. Returns the canvas.
 */
export async function mirrorFill(
  fitted: Buffer,
  placement: Box,
  canvas: Omit<Canvas, 'data'>,
  subjectInTarget: Box,
  backdrop?: Buffer,
  minBandShare = MIRROR_MIN_BAND_SHARE,
): Promise<Buffer> {
  const fittedRaw = { data: fitted, width: placement.width, height: placement.height, channels: canvas.channels };
  const mirrored = mirrorTile(fittedRaw, placement, canvas, subjectInTarget, minBandShare);
  // Further out, the blur backdrop; without one (today's mirror) a blur of the mirrored canvas, which keeps the
  // reflected band's stripes, only softer.
  const blurred = backdrop ?? (await blurOf(mirrored, canvas));
  const feather = Math.min(64, Math.max(2, Math.round(0.1 * Math.min(placement.width, placement.height))));
  featherIntoBlur({ mirrored, blurred: Buffer.from(blurred), width: canvas.width, height: canvas.height, channels: canvas.channels }, placement, feather);
  return mirrored;
}

async function blurOf(pixels: Buffer, canvas: Omit<Canvas, 'data'>): Promise<Buffer> {
  const shrink = Math.max(1, Math.max(canvas.width, canvas.height) / BLUR_CANVAS_SIDE);
  const small = { width: Math.max(1, Math.round(canvas.width / shrink)), height: Math.max(1, Math.round(canvas.height / shrink)) };
  const blurredSmall = await sharp(pixels, { raw: rawDescriptor(canvas) }).resize(small.width, small.height, { fit: 'fill' }).blur(BLUR_SIGMA).raw().toBuffer();
  return sharp(blurredSmall, { raw: rawDescriptor({ ...small, channels: canvas.channels }) }).resize(canvas.width, canvas.height, { fit: 'fill' }).raw().toBuffer();
}
