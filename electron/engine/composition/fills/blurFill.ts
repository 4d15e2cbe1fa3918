import sharp from 'sharp';
import type { RawImage } from '../../decode/types';
import type { Box } from '../../local/geometry';
import type { TargetSize } from '../../../domain/sizes/targetSize';
import { rawDescriptor } from '../../local/renderCrop';
import { upscaleSmooth } from './upscaleSmooth';

/** The backdrop is blurred on a copy about this long, then scaled up (upscaleSmooth): blurring at full size costs far more. */
const SMALL_SIDE = 96;
/** Blur sigma on that copy: a tenth of its side, so no detail (faces, letters) survives in the backdrop. */
const SIGMA = 6;
/** Brightness of the backdrop: slightly dimmed so the image in front reads as the picture. */
const DIM = 0.82;

/**
 * The `blur` backdrop: the source scaled to cover the canvas (centred on the shown region, so its colours continue
 * the picture's), blurred until only colour fields remain, and dimmed. Returns canvas-sized raw pixels; those
 * inside `covered` (where the caller pastes the fitted image over them) are left unset, as making them costs time.
 */
export async function blurBackdrop(raw: RawImage, region: Box, target: TargetSize, covered?: Box): Promise<Buffer> {
  const cover = coverAround(raw, region, target);
  const shrink = Math.max(1, Math.max(target.width, target.height) / SMALL_SIDE);
  const small = { width: Math.max(1, Math.round(target.width / shrink)), height: Math.max(1, Math.round(target.height / shrink)) };
  const { data } = await sharp(raw.data, { raw: rawDescriptor(raw) })
    .extract(cover)
    .resize(small.width, small.height, { fit: 'fill' })
    .blur(SIGMA * (Math.min(small.width, small.height) / SMALL_SIDE) + 0.5)
    // Alpha (a transparent logo's backdrop) is kept as it is; only colour is dimmed.
    .linear(raw.channels === 4 ? [DIM, DIM, DIM, 1] : DIM, raw.channels === 4 ? [0, 0, 0, 0] : 0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return upscaleSmooth({ data, ...small, channels: raw.channels }, target.width, target.height, covered);
}

/** The largest source window of the target's aspect centred on the region's centre (clamped to the source). */
function coverAround(raw: RawImage, region: Box, target: TargetSize): Box {
  const aspect = target.width / target.height;
  const width = Math.max(1, Math.min(raw.width, Math.round(raw.height * aspect)));
  const height = Math.max(1, Math.min(raw.height, Math.round(width / aspect)));
  const centreX = region.left + region.width / 2;
  const centreY = region.top + region.height / 2;
  const left = Math.min(raw.width - width, Math.max(0, Math.round(centreX - width / 2)));
  const top = Math.min(raw.height - height, Math.max(0, Math.round(centreY - height / 2)));
  return { left, top, width, height };
}
