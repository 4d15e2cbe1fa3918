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

  it('stays within one level of the exact bilinear blend, though it copies rows where the backdrop barely changes', async () => {
    const small = await smallBackdrop();
    const ours = upscaleSmooth(small, 1080, 1920);
    const exact = exactBilinear(small, 1080, 1920);
    let worst = 0;
    let off = 0;
    for (let index = 0; index < ours.length; index += 1) {
      const difference = Math.abs(ours[index]! - exact[index]!);
      worst = Math.max(worst, difference);
      off += difference > 0 ? 1 : 0;
    }
    expect(worst).toBeLessThanOrEqual(1);
    // And only a few values are that level off.
    expect(off / ours.length).toBeLessThan(0.1);
  });
});

/** The blend upscaleSmooth approximates, computed plainly for every pixel (libvips' centre alignment, clamped). */
function exactBilinear(small: { data: Buffer; width: number; height: number; channels: number }, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * small.channels);
  const position = (index: number, from: number, to: number) => Math.min(from - 1, Math.max(0, (index + 0.5) * (from / to) - 0.5));
  for (let y = 0; y < height; y += 1) {
    const py = position(y, small.height, height);
    const y0 = Math.floor(py);
    const y1 = Math.min(small.height - 1, y0 + 1);
    for (let x = 0; x < width; x += 1) {
      const px = position(x, small.width, width);
      const x0 = Math.floor(px);
      const x1 = Math.min(small.width - 1, x0 + 1);
      for (let c = 0; c < small.channels; c += 1) {
        const at = (yy: number, xx: number) => small.data[(yy * small.width + xx) * small.channels + c]!;
        const top = at(y0, x0) + (at(y0, x1) - at(y0, x0)) * (px - x0);
        const bottom = at(y1, x0) + (at(y1, x1) - at(y1, x0)) * (px - x0);
        out[(y * width + x) * small.channels + c] = Math.min(255, Math.max(0, Math.round(top + (bottom - top) * (py - y0))));
      }
    }
  }
  return out;
}
