import { join } from 'node:path';
import sharp from 'sharp';
import { ssim } from 'ssim.js';
import { describe, expect, it } from 'vitest';
import { renderPadded } from '../../../electron/engine/composition/fills';
import { backdropSource } from '../../../electron/engine/composition/fills/backdropSource';
import type { Canvas } from '../../../electron/engine/composition/fills/canvasPixels';
import type { CompositionPlan } from '../../../electron/engine/composition/planner';
import { loadSourceImage } from '../../../electron/engine/decode';
import type { RawImage } from '../../../electron/engine/decode/types';
import type { Box } from '../../../electron/engine/local/geometry';
import { rawDescriptor } from '../../../electron/engine/local/renderCrop';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');
const TARGETS = [
  { width: 1080, height: 1920 },
  { width: 728, height: 90 },
  { width: 160, height: 600 },
];

/** A pad plan that shows the whole source, centred, as large as fits. */
function wholeSourcePlan(raw: RawImage, target: { width: number; height: number }): CompositionPlan {
  const scale = Math.min(target.width / raw.width, target.height / raw.height);
  const width = Math.max(1, Math.round(raw.width * scale));
  const height = Math.max(1, Math.round(raw.height * scale));
  const placement = { left: Math.floor((target.width - width) / 2), top: Math.floor((target.height - height) / 2), width, height };
  return { method: 'pad', target, region: { left: 0, top: 0, width: raw.width, height: raw.height }, placement, fillShare: 0.5 };
}

/**
 * What the blur backdrop stands for, made the slow way at full size: the largest window of the target's aspect
 * centred on the region, scaled to the canvas, blurred by a sixteenth of its short side plus a 192nd of its long
 * side, dimmed to 0.82 (alpha kept).
 */
async function fullSizeBackdrop(raw: RawImage, plan: CompositionPlan): Promise<Canvas> {
  const { target, region } = plan;
  const aspect = target.width / target.height;
  const width = Math.min(raw.width, Math.round(raw.height * aspect));
  const height = Math.min(raw.height, Math.round(width / aspect));
  const left = Math.min(raw.width - width, Math.max(0, Math.round(region.left + region.width / 2 - width / 2)));
  const top = Math.min(raw.height - height, Math.max(0, Math.round(region.top + region.height / 2 - height / 2)));
  const sigma = Math.min(target.width, target.height) / 16 + Math.max(target.width, target.height) / 192;
  const dim = raw.channels === 4 ? [0.82, 0.82, 0.82, 1] : 0.82;
  const data = await sharp(raw.data, { raw: rawDescriptor(raw) })
    .extract({ left, top, width, height })
    .resize(target.width, target.height, { fit: 'fill' })
    .blur(sigma)
    .linear(dim, raw.channels === 4 ? [0, 0, 0, 0] : 0)
    .raw()
    .toBuffer();
  return { data, ...target, channels: raw.channels };
}

/** The canvas outside the placement as strips (above, below, left, right), those large enough for SSIM's window. */
function backgroundStrips(target: { width: number; height: number }, placement: Box): Box[] {
  const right = placement.left + placement.width;
  const bottom = placement.top + placement.height;
  return [
    { left: 0, top: 0, width: target.width, height: placement.top },
    { left: 0, top: bottom, width: target.width, height: target.height - bottom },
    { left: 0, top: placement.top, width: placement.left, height: placement.height },
    { left: right, top: placement.top, width: target.width - right, height: placement.height },
  ].filter((strip) => strip.width >= 16 && strip.height >= 16);
}

/** A strip as SSIM reads it: RGBA, transparent pixels flattened on white as the JPEG encoder does. */
async function stripPixels(canvas: Canvas, strip: Box): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const { data, info } = await sharp(canvas.data, { raw: rawDescriptor(canvas) }).extract(strip).flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data), width: info.width, height: info.height };
}

describe('blur backdrop, made small from a source shrunk once for all sizes', () => {
  it('looks like the same blur made at full size (SSIM >= 0.98 outside the picture) and leaves the picture untouched', async () => {
    for (const name of ['Landscape_1.jpg', '2569067123_aca715a2ee_o.jpg', 'grey-8bit-alpha.png']) {
      const { raw } = await loadSourceImage(join(CORPUS, name));
      const shared = backdropSource(raw, TARGETS);
      for (const target of TARGETS) {
        const plan = wholeSourcePlan(raw, target);
        const { placement } = plan;
        const canvas = await renderPadded(raw, plan, { style: 'blur' }, placement, () => shared);
        const reference = await fullSizeBackdrop(raw, plan);
        const strips = backgroundStrips(target, placement);
        expect(strips.length, `${name} ${target.width}x${target.height}`).toBeGreaterThan(0);
        for (const strip of strips) {
          const score = ssim(await stripPixels(canvas, strip), await stripPixels(reference, strip)).mssim;
          expect(score, `${name} ${target.width}x${target.height} strip ${JSON.stringify(strip)}`).toBeGreaterThanOrEqual(0.98);
        }
        const fitted = await sharp(raw.data, { raw: rawDescriptor(raw) }).extract(plan.region).resize(placement.width, placement.height, { fit: 'fill' }).raw().toBuffer();
        const shown = await sharp(canvas.data, { raw: rawDescriptor(canvas) }).extract(placement).raw().toBuffer();
        expect(shown.equals(fitted), `${name} ${target.width}x${target.height} picture`).toBe(true);
      }
    }
  });
});
