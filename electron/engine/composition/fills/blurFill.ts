import sharp from 'sharp';
import type { Box } from '../../local/geometry';
import type { TargetSize } from '../../../domain/sizes/targetSize';
import { rawDescriptor } from '../../local/renderCrop';
import { type BackdropSource, backdropSize, coverAround } from './backdropSource';
import { upscaleSmooth } from './upscaleSmooth';

/** Brightness of the backdrop: slightly dimmed so the image in front reads as the picture. */
const DIM = 0.82;

/**
 * The `blur` backdrop: the source scaled to cover the canvas (centred on the shown region, so its colours continue
 * the picture's), blurred until only colour fields remain, and dimmed. Returns canvas-sized raw pixels; those
 * inside `covered` (where the caller pastes the fitted image over them) are left unset, as making them costs time.
 * Made on a copy a few dozen pixels long (backdropSize): what survives such a blur is that coarse, so a larger copy
 * changes nothing one can see and costs blur time.
 */
export async function blurBackdrop(backdrop: BackdropSource, region: Box, target: TargetSize, covered?: Box): Promise<Buffer> {
  const small = backdropSize(target);
  const { raw } = backdrop;
  const { data } = await sharp(raw.data, { raw: rawDescriptor(raw) })
    .extract(coverAround(backdrop, region, target))
    .resize(small.width, small.height, { fit: 'fill' })
    .blur(small.sigma)
    // Alpha (a transparent logo's backdrop) is kept as it is; only colour is dimmed.
    .linear(raw.channels === 4 ? [DIM, DIM, DIM, 1] : DIM, raw.channels === 4 ? [0, 0, 0, 0] : 0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return upscaleSmooth({ data, width: small.width, height: small.height, channels: raw.channels }, target.width, target.height, covered);
}
