import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { findPlacement, type KeepBox, type PlacementSpec, type PreflightCheckId } from '../../../electron/domain/placements';
import { inspectImage, runPreflight, type PreflightInput } from '../../../electron/engine/preflight';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');
const placement = (id: string) => findPlacement(id) as PlacementSpec;

/** A real encoded image of noise, so encoders cannot shrink it to nothing. */
async function made(width: number, height: number, encode: (image: Sharp) => Sharp, channels: 3 | 4 = 3): Promise<Buffer> {
  const data = randomBytes(width * height * channels);
  return encode(sharp(data, { raw: { width, height, channels } }).withIccProfile('srgb')).toBuffer();
}

async function verdict(bytes: Buffer, input: Omit<PreflightInput, 'image'>) {
  const result = runPreflight({ ...input, image: await inspectImage(bytes) });
  return { result, check: (id: PreflightCheckId) => result.checks.find((check) => check.id === id) };
}

describe('preflight checks, each on a file made to fail it', () => {
  it('a good file passes every check', async () => {
    const { result } = await verdict(await made(300, 250, (image) => image.jpeg({ quality: 80 })), { target: { width: 300, height: 250 }, placement: placement('iab-300x250'), source: { width: 1200, height: 1000 } });
    expect(result.checks.map((check) => [check.id, check.status])).toEqual([
      ['pixels', 'pass'], ['aspect', 'pass'], ['weight', 'pass'], ['format', 'pass'], ['colour', 'pass'], ['upscale', 'pass'], ['safe_zone', 'pass'],
    ]);
    expect(result.status).toBe('pass');
  });

  it('pixels: a 299x250 file for a fixed 300x250 slot fails', async () => {
    const { check, result } = await verdict(await made(299, 250, (image) => image.jpeg()), { target: { width: 300, height: 250 }, placement: placement('iab-300x250') });
    expect(check('pixels')).toMatchObject({ status: 'fail', message: '299x250 px, but this needs exactly 300x250 px.' });
    expect(result.status).toBe('fail');
  });

  it('aspect: a 1200x700 file for 1.91:1 (1% tolerance) fails; a 2400x1256 one passes and is scaled', async () => {
    const wrong = await verdict(await made(1200, 700, (image) => image.jpeg()), { target: { width: 1200, height: 628 }, placement: placement('google-responsive-landscape') });
    expect(wrong.check('aspect')?.status).toBe('fail');
    expect(wrong.check('aspect')?.message).toMatch(/off 1\.91:1 \(allowed: 1\.0%\)/);
    const larger = await verdict(await made(2400, 1256, (image) => image.jpeg({ quality: 50 })), { target: { width: 1200, height: 628 }, placement: placement('google-responsive-landscape') });
    expect(larger.check('aspect')?.status).toBe('pass');
    expect(larger.check('pixels')?.status).toBe('pass');
  });

  it('weight: a 320x50 PNG of noise (with alpha) is over the 50 KB smartphone-banner limit', async () => {
    const bytes = await made(320, 50, (image) => image.png(), 4);
    expect(bytes.length).toBeGreaterThan(50_000);
    const { check } = await verdict(bytes, { target: { width: 320, height: 50 }, placement: placement('iab-320x50'), budgetNote: 'Even the smallest encoding tried was over.' });
    expect(check('weight')?.status).toBe('fail');
    expect(check('weight')?.message).toMatch(/^6\d KB is over the 50 KB limit; the upload would be refused\. Even the smallest/);
  });

  it('weight: a run budget (--max-kb) applies when stricter than the placement', async () => {
    const bytes = await made(300, 250, (image) => image.jpeg({ quality: 95 }));
    const { check } = await verdict(bytes, { target: { width: 300, height: 250 }, placement: placement('iab-300x250'), maxBytes: 10_000 });
    expect(check('weight')?.message).toMatch(/over the 10 KB limit/);
  });

  it('format: a WebP for an IAB slot fails and names what is accepted', async () => {
    const { check } = await verdict(await made(300, 250, (image) => image.webp()), { target: { width: 300, height: 250 }, placement: placement('iab-300x250') });
    expect(check('format')).toMatchObject({ status: 'fail', message: 'WebP is not accepted here; use JPEG, PNG, GIF.' });
  });

  it('colour: a CMYK JPEG fails; an untagged one warns; a Display P3 one warns', async () => {
    const cmyk = await readFile(join(CORPUS, 'Channel_digital_image_CMYK_color_no_profile.jpg'));
    expect((await verdict(cmyk, { target: { width: 500, height: 333 } })).check('colour')?.status).toBe('fail');
    const untagged = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#884422' } }).jpeg().toBuffer();
    expect((await verdict(untagged, { target: { width: 50, height: 50 } })).check('colour')?.status).toBe('warn');
    const p3 = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#884422' } }).withIccProfile('p3').jpeg().toBuffer();
    expect((await verdict(p3, { target: { width: 50, height: 50 } })).check('colour')?.message).toMatch(/is not sRGB/);
  });

  it('upscale: an output made from a 2x2 source warns with the factor', async () => {
    const { check, result } = await verdict(await made(1080, 1920, (image) => image.jpeg({ quality: 40 })), { target: { width: 1080, height: 1920 }, source: { width: 2, height: 2 } });
    expect(check('upscale')).toMatchObject({ status: 'warn', message: 'Enlarged 720.0x from a 2x2 px source: it may look soft. A larger original would be sharper.' });
    expect(result.status).not.toBe('pass');
  });

  it('safe zone: a face in the bottom 35% of a Reels output fails; a subject box there warns; one in the middle passes', async () => {
    const bytes = await made(1080, 1920, (image) => image.jpeg({ quality: 40 }));
    const box = (kind: KeepBox['kind'], top: number): KeepBox => ({ kind, left: 300, top, width: 400, height: 300 });
    const face = await verdict(bytes, { target: { width: 1080, height: 1920 }, placement: placement('meta-reels'), boxes: [box('face', 1500)] });
    expect(face.check('safe_zone')).toMatchObject({ status: 'fail', message: 'A face reaches into the bottom 35%, where Meta (Facebook, Instagram) puts its buttons and captions.' });
    const subject = await verdict(bytes, { target: { width: 1080, height: 1920 }, placement: placement('meta-reels'), boxes: [box('subject', 1500)] });
    expect(subject.check('safe_zone')?.status).toBe('warn');
    const middle = await verdict(bytes, { target: { width: 1080, height: 1920 }, placement: placement('meta-reels'), boxes: [box('face', 600)] });
    expect(middle.check('safe_zone')?.status).toBe('pass');
  });
});
