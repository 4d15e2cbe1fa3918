import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderPadded } from '../../../electron/engine/composition/fills';
import { mirrorFill } from '../../../electron/engine/composition/fills/mirrorFill';
import type { CompositionPlan } from '../../../electron/engine/composition/planner';
import { rawDescriptor } from '../../../electron/engine/local/renderCrop';
import { seamStep, streakEnergy } from '../../support/images/seamEnergy';
import { makeCompositionScene } from '../../support/images/compositionScene';

/**
 * A person photo filling the source edge to edge (the subject touches both sides), padded into a wide banner:
 * the case where the old mirror fill reflected a one-pixel band, i.e. stretched the edge into streaks.
 */
async function edgeToEdgeCase() {
  const scene = await makeCompositionScene({ name: 'portrait', width: 300, height: 400, seed: 3, people: [{ patch: 0, x: 0.5, y: 0.5, height: 1.02 }] });
  const target = { width: 900, height: 300 };
  const placement = { left: 338, top: 0, width: 225, height: 300 };
  const plan: CompositionPlan = { method: 'pad', target, region: { left: 0, top: 0, width: 300, height: 400 }, placement, fillShare: 0.75 };
  const fitted = await sharp(scene.raw.data, { raw: rawDescriptor(scene.raw) }).resize(placement.width, placement.height, { fit: 'fill' }).raw().toBuffer();
  return { scene, plan, placement, fitted, target };
}

describe('fills', () => {
  it("measures streaks beside an edge-touching subject: today's mirror fails, every fill now passes", async () => {
    const { scene, plan, placement, fitted, target } = await edgeToEdgeCase();
    const whole = { left: placement.left, top: 0, width: placement.width, height: placement.height };
    const canvas = { width: target.width, height: target.height, channels: 3 as const };
    // Today's mirror: the band between the image edge and the subject only, one pixel when the subject touches it.
    const today = await mirrorFill(fitted, placement, canvas, whole, undefined, 0);
    const todayEnergy = streakEnergy({ ...canvas, data: today }, placement);
    expect(todayEnergy).toBeGreaterThan(0.35);
    for (const style of ['blur', 'extend', 'solid'] as const) {
      const output = await renderPadded(scene.raw, plan, { style }, whole);
      expect(streakEnergy(output, placement), style).toBeLessThan(0.15);
    }
    // The mirror still copies the edge's own structure outward (that is the style), but no longer one stretched
    // pixel column: a band of the image, feathered into the blur backdrop.
    const mirror = await renderPadded(scene.raw, plan, { style: 'mirror' }, whole);
    expect(streakEnergy(mirror, placement)).toBeLessThan(0.7 * todayEnergy);
  });

  it('extends without a visible seam, and never copies the picture into the fill (no mirrored text)', async () => {
    const scene = await makeCompositionScene({
      name: 'headline at the edge',
      width: 400,
      height: 300,
      seed: 5,
      texts: [{ text: 'SALE NOW ON', font: 'DejaVu Sans', weight: 'bold', size: 0.14, colour: '#ffffff', x: 0.0, y: 0.5 }],
    });
    const target = { width: 1000, height: 300 };
    const placement = { left: 300, top: 0, width: 400, height: 300 };
    const plan: CompositionPlan = { method: 'pad', target, region: { left: 0, top: 0, width: 400, height: 300 }, placement, fillShare: 0.6 };
    const extended = await renderPadded(scene.raw, plan, { style: 'extend' }, placement);
    expect(seamStep(extended, placement)).toBeLessThan(1.5);
    const mirrored = await renderPadded(scene.raw, plan, { style: 'mirror' }, { left: 300, top: 100, width: 5, height: 5 });
    // The mirror copies the headline's letters outward (high detail next to the image); extend carries only colour.
    const detail = (image: { data: Uint8Array; width: number; channels: number }) => {
      let sum = 0;
      for (let y = 120; y < 180; y += 1) {
        for (let x = 250; x < 298; x += 1) {
          const a = image.data[(y * image.width + x) * image.channels]!;
          const b = image.data[(y * image.width + x + 1) * image.channels]!;
          sum += Math.abs(a - b);
        }
      }
      return sum / (60 * 48);
    };
    expect(detail(mirrored)).toBeGreaterThan(3 * detail(extended));
  });

  it('paints solid fills in the brand colour when the profile has one, else the dominant edge colour', async () => {
    const { scene, plan, placement } = await edgeToEdgeCase();
    const brand = await renderPadded(scene.raw, plan, { style: 'solid', colour: '#123456' }, placement);
    expect([...brand.data.subarray(0, 3)]).toEqual([0x12, 0x34, 0x56]);
    const dominant = await renderPadded(scene.raw, plan, { style: 'solid' }, placement);
    const edge = [...dominant.data.subarray(0, 3)];
    expect(edge).not.toEqual([0, 0, 0]);
    // The fill is one colour everywhere outside the picture.
    const last = (dominant.width * dominant.height - 1) * 3;
    expect([...dominant.data.subarray(last, last + 3)]).toEqual(edge);
  });

  it('dims and blurs the backdrop of the blur fill, and leaves the placed picture untouched', async () => {
    const { scene, plan, placement, fitted } = await edgeToEdgeCase();
    const output = await renderPadded(scene.raw, plan, { style: 'blur' }, placement);
    const row = 150;
    for (let x = placement.left; x < placement.left + placement.width; x += 17) {
      const at = (row * output.width + x) * 3;
      const from = (row * placement.width + (x - placement.left)) * 3;
      expect([...output.data.subarray(at, at + 3)]).toEqual([...fitted.subarray(from, from + 3)]);
    }
    expect(streakEnergy(output, placement)).toBeLessThan(0.15);
  });
});
