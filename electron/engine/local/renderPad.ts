import sharp from 'sharp';
import type { RawImage } from '../intake/types';
import { type EncodeOptions, withEncoder } from './encodeOutput';
import { featherIntoBlur } from './featherBlend';
import type { Box } from './geometry';
import type { LayoutPlan } from './planLayout';
import { rawDescriptor } from './renderCrop';

/** The blurred fill is made on a canvas about this long, then scaled up: blurring at full size costs far more. */
const BLUR_CANVAS_SIDE = 160;
/** Blur radius (sigma) on that small canvas: about 5% of its side, enough to dissolve any detail. */
const BLUR_SIGMA = 8;

/**
 * Encodes a padded output: the plan's region scaled into `placement`, the rest of the canvas a content-aware
 * extension of the image (mirrored at the edge, feathered into a heavy blur of the mirrored image), never flat bars.
 */
export async function renderPad(raw: RawImage, plan: LayoutPlan, encode: EncodeOptions): Promise<{ bytes: Buffer; width: number; height: number }> {
  if (plan.method !== 'pad') throw new Error('renderPad needs a pad plan');
  const { target, region, placement } = plan;
  const fitted = await sharp(raw.data, { raw: rawDescriptor(raw) })
    .extract(region)
    .resize(placement.width, placement.height, { fit: 'fill' })
    .raw()
    .toBuffer();
  const fittedRaw = { data: fitted, width: placement.width, height: placement.height, channels: raw.channels };
  const [mirrored, blurred] = await Promise.all([mirrorExtend(fittedRaw, placement, target), blurredExtension(fittedRaw, placement, target)]);
  featherIntoBlur({ mirrored, blurred, width: target.width, height: target.height, channels: raw.channels }, placement, featherWidth(placement));
  const canvas = sharp(mirrored, { raw: rawDescriptor({ ...target, channels: raw.channels }) });
  const { data, info } = await withEncoder(canvas, encode, raw.channels === 4).toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}

/** Feather distance: a tenth of the placed image's short side, within 2..64 pixels. */
function featherWidth(placement: Box): number {
  return Math.min(64, Math.max(2, Math.round(0.1 * Math.min(placement.width, placement.height))));
}

async function mirrorExtend(fitted: RawImage, placement: Box, target: { width: number; height: number }): Promise<Buffer> {
  return sharp(fitted.data, { raw: rawDescriptor(fitted) })
    .extend({ ...margins(placement, target), extendWith: 'mirror' })
    .raw()
    .toBuffer();
}

async function blurredExtension(fitted: RawImage, placement: Box, target: { width: number; height: number }): Promise<Buffer> {
  const shrink = Math.max(1, Math.max(target.width, target.height) / BLUR_CANVAS_SIDE);
  const small = { width: Math.max(1, Math.round(target.width / shrink)), height: Math.max(1, Math.round(target.height / shrink)) };
  const smallWidth = Math.min(small.width, Math.max(1, Math.round(placement.width / shrink)));
  const smallHeight = Math.min(small.height, Math.max(1, Math.round(placement.height / shrink)));
  const smallPlacement: Box = {
    left: Math.min(small.width - smallWidth, Math.round(placement.left / shrink)),
    top: Math.min(small.height - smallHeight, Math.round(placement.top / shrink)),
    width: smallWidth,
    height: smallHeight,
  };
  // Two passes: sharp applies one resize per pipeline, and the blur must come after the mirror extension.
  const blurredSmall = await sharp(fitted.data, { raw: rawDescriptor(fitted) })
    .resize(smallWidth, smallHeight, { fit: 'fill' })
    .extend({ ...margins(smallPlacement, small), extendWith: 'mirror' })
    .blur(BLUR_SIGMA)
    .raw()
    .toBuffer();
  return sharp(blurredSmall, { raw: rawDescriptor({ ...small, channels: fitted.channels }) })
    .resize(target.width, target.height, { fit: 'fill' })
    .raw()
    .toBuffer();
}

function margins(placement: Box, canvas: { width: number; height: number }): { top: number; bottom: number; left: number; right: number } {
  return {
    top: placement.top,
    left: placement.left,
    bottom: canvas.height - placement.top - placement.height,
    right: canvas.width - placement.left - placement.width,
  };
}
