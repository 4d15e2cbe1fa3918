import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { upscaleSmooth } from '../../../electron/engine/composition/fills/upscaleSmooth';

/** A blurred 54x96 colour field, as the blur backdrop makes one before scaling it up. */
async function smallBackdrop(): Promise<{ data: Buffer; width: number; height: number; channels: 3 }> {
  const width = 54;
  const height = 96;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 3;
      data[at] = x < 27 ? 220 : 30;
      data[at + 1] = y < 48 ? 40 : 200;
      data[at + 2] = (x * y) % 256;
    }
  }
  const blurred = await sharp(data, { raw: { width, height, channels: 3 } }).blur(4).raw().toBuffer();
  return { data: blurred, width, height, channels: 3 };
}

describe('upscaleSmooth (the blur backdrop scaled to the canvas)', () => {
  it("looks like libvips' own enlargement of the same backdrop: within a level or two per pixel", async () => {
    const small = await smallBackdrop();
    const ours = upscaleSmooth(small, 1080, 1920);
    const vips = await sharp(small.data, { raw: small }).resize(1080, 1920, { fit: 'fill' }).raw().toBuffer();
    expect(ours.length).toBe(vips.length);
    let total = 0;
    let worst = 0;
    for (let index = 0; index < ours.length; index += 1) {
      const difference = Math.abs(ours[index]! - vips[index]!);
      total += difference;
      worst = Math.max(worst, difference);
    }
    expect(total / ours.length).toBeLessThan(1.5);
    expect(worst).toBeLessThan(16);
  });

  it('leaves the covered box (where the fitted image goes) alone and fills everything around it', async () => {
    const small = await smallBackdrop();
    const covered = { left: 100, top: 300, width: 800, height: 1000 };
    const full = upscaleSmooth(small, 1080, 1920);
    const around = upscaleSmooth(small, 1080, 1920, covered);
    for (const [x, y] of [[50, 50], [99, 700], [900, 700], [500, 1300], [1079, 1919]] as const) {
      const at = (y * 1080 + x) * 3;
      expect(around.subarray(at, at + 3)).toEqual(full.subarray(at, at + 3));
    }
  });
});
