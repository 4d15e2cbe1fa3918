import sharp from 'sharp';
import type { RawImage } from '../decode/types';
import { type EncodeOptions, withEncoder } from './encodeOutput';
import type { Box } from './geometry';
import type { TargetSize } from '../../domain/sizes/targetSize';

/** Encodes the plan's source region scaled to exactly the target size (the region already has its aspect ratio). */
export async function renderCrop(raw: RawImage, plan: { readonly target: TargetSize; readonly region: Box }, encode: EncodeOptions): Promise<{ bytes: Buffer; width: number; height: number }> {
  const { target, region } = plan;
  // 'fill' absorbs the sub-pixel rounding between the region's and the target's aspect ratios.
  const pipeline = sharp(raw.data, { raw: rawDescriptor(raw) }).extract(region).resize(target.width, target.height, { fit: 'fill' });
  const { data, info } = await withEncoder(pipeline, encode, raw.channels === 4).toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}

/** The `raw` input option sharp needs to read a RawImage without copying it. */
export function rawDescriptor(raw: Pick<RawImage, 'width' | 'height' | 'channels'>): { width: number; height: number; channels: 3 | 4 } {
  return { width: raw.width, height: raw.height, channels: raw.channels };
}
