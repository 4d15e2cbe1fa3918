import type { Box } from '../../local/geometry';
import type { TargetSize } from '../../../domain/sizes/targetSize';
import { type BackdropSource, backdropSize, coverAround } from './backdropSource';
import { averageInto, gaussianBlur } from './smallBlur';
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
  const { channels } = backdrop.raw;
  // In plain code, not sharp: on a few hundred pixels a sharp pipeline's own cost is most of the work.
  const values = averageInto(backdrop.raw, coverAround(backdrop, region, target), small.width, small.height);
  gaussianBlur(values, small.width, small.height, channels, small.sigma);
  const data = Buffer.allocUnsafe(values.length);
  for (let index = 0; index < values.length; index += 1) {
    // Alpha (a transparent logo's backdrop) is kept as it is; only colour is dimmed, and un-premultiplied.
    const alpha = channels === 4 ? values[index - (index % 4) + 3]! : 255;
    const value = channels === 4 && index % 4 === 3 ? alpha : alpha > 0 ? (values[index]! * DIM * 255) / alpha : 0;
    data[index] = Math.min(255, Math.max(0, Math.round(value)));
  }
  return upscaleSmooth({ data, width: small.width, height: small.height, channels }, target.width, target.height, covered);
}
