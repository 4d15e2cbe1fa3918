import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findPlacement, type PlacementSpec } from '../../../electron/domain/placements';
import { finishOutput, readRightsMetadata } from '../../../electron/engine/output';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');
const placement = (id: string) => findPlacement(id) as PlacementSpec;
const rights = { creator: 'Ana', copyright: '(c) Ana' };

async function photoRaw(width: number, height: number) {
  const { data, info } = await sharp(join(CORPUS, '2569067123_aca715a2ee_o.jpg')).resize(width, height, { fit: 'cover' }).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 as const };
}

describe('finishing an output: format, budget, metadata and preflight of the bytes written', () => {
  it('auto writes a photo for an IAB slot as a JPEG within 150 KB, with rights, and a passing preflight', async () => {
    const done = await finishOutput({
      target: { width: 300, height: 250 }, image: { raw: await photoRaw(300, 250) }, format: 'auto', quality: 90,
      placement: placement('iab-300x250'), rights, copyRights: true, aiComposited: false, source: { width: 2725, height: 2225 },
    });
    expect(done.format).toBe('jpeg');
    expect(done.bytes.length).toBeLessThanOrEqual(150_000);
    expect(done.preflight).toMatchObject({ status: 'pass', placementId: 'iab-300x250' });
    expect(readRightsMetadata(done.bytes)).toEqual(rights);
  });

  it('a fal download is decoded, fixed to the exact size, re-encoded and marked, with the upscale named', async () => {
    const falPng = await sharp(join(CORPUS, 'Landscape_1.jpg')).resize(1080, 1918, { fit: 'fill' }).png().toBuffer();
    const done = await finishOutput({
      target: { width: 1080, height: 1920 }, image: { encoded: falPng }, format: 'auto', quality: 90,
      placement: placement('meta-reels'), rights: {}, copyRights: true, aiComposited: true, source: { width: 600, height: 450 },
    });
    expect([done.width, done.height]).toEqual([1080, 1920]);
    expect((await sharp(done.bytes).metadata()).xmp?.toString()).toContain('compositeWithTrainedAlgorithmicMedia');
    expect(done.upscale).toBeCloseTo(2.77, 1);
    expect(done.preflight.checks.find((check) => check.id === 'upscale')?.status).toBe('warn');
    expect(done.preflight.checks.find((check) => check.id === 'safe_zone')).toBeDefined();
  });

  it('a budget nothing can meet still gives a file, marked failed with the size reached and why', async () => {
    const done = await finishOutput({
      target: { width: 1080, height: 1920 }, image: { raw: await photoRaw(1080, 1920) }, format: 'jpeg', quality: 90,
      maxBytes: 4_000, rights: {}, copyRights: true, aiComposited: false,
    });
    expect(done.bytes.length).toBeGreaterThan(4_000);
    const weight = done.preflight.checks.find((check) => check.id === 'weight');
    expect(weight?.status).toBe('fail');
    expect(weight?.message).toMatch(/over the 4\.0 KB limit; the upload would be refused\. Even the smallest encoding tried/);
    expect(done.preflight.status).toBe('fail');
  });

  it('a forced format is kept even where the placement refuses it, and preflight says so', async () => {
    const done = await finishOutput({
      target: { width: 300, height: 250 }, image: { raw: await photoRaw(300, 250) }, format: 'webp', quality: 80,
      placement: placement('iab-300x250'), rights: {}, copyRights: true, aiComposited: false,
    });
    expect(done.format).toBe('webp');
    expect(done.preflight.checks.find((check) => check.id === 'format')?.status).toBe('fail');
  });
});
