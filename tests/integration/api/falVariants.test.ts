import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { ProfileInput } from '../../../electron/engine/profiles';
import type { VerbCallInput, VerbName, VerbOutput } from '../../../electron/shared';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';

// fal variants through the contract with the real engine and the fake fal (which makes each image of a size a
// little brighter than the last, so every variant's bytes differ): all kept, one chosen per size, the rest in
// variants/ or only in the app, or each its own deliverable with an A/B suffix; the ledger pays every image once.

const PHOTO = '../shared/corpus/Landscape_1.jpg';
const SIZES: ProfileInput['sizes'] = [
  { width: 1080, height: 1080, policy: 'fal' },
  { width: 1200, height: 628, policy: 'fal' },
];

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function runVariantsJob(variants: { keep: 'subfolder' | 'discard'; naming: 'choose' | 'ab' }) {
  harness = await startEngineHarness({ profile: { name: 'Variants', sizes: SIZES, output: { format: 'jpeg', quality: 85 }, fal: { numImagesPerSize: 3, variants } } });
  const api = harness.api;
  const call = async <V extends VerbName>(verb: V, input: VerbCallInput<V>): Promise<VerbOutput<V>> => {
    const result = await dispatchCall(api, verb, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as VerbOutput<V>;
  };
  copyFileSync(PHOTO, join(harness.watched, 'Landscape_1.jpg'));
  const job = await harness.waitForJob('Landscape_1.jpg', ['done', 'failed']);
  expect(job.state).toBe('done');
  return { call, jobId: job.id, detail: await call('jobs.detail', { id: job.id }) };
}

const bytesOf = (dataUrl: string) => Buffer.from(dataUrl.split(',')[1]!, 'base64');

describe('fal variants', () => {
  it('keeps all three variants of each size, A at the template path and B, C in variants/; choosing C writes exactly its bytes', async () => {
    const { call, jobId, detail } = await runVariantsJob({ keep: 'subfolder', naming: 'choose' });
    expect(detail.outputs.map((output) => [output.target, basename(output.path)])).toEqual([
      ['1080x1080', 'Landscape_1.jpg'],
      ['1200x628', 'Landscape_1.jpg'],
    ]);
    const square = detail.outputs.find((output) => output.target === '1080x1080')!;
    const banner = detail.outputs.find((output) => output.target === '1200x628')!;
    const spareDir = join(dirname(square.path), 'variants');
    expect(readdirSync(spareDir).sort()).toEqual(['Landscape_1_B.jpg', 'Landscape_1_C.jpg']);
    const listed = (await call('review.variants', { jobId })).variants;
    expect(listed.map((variant) => [variant.target, variant.letter, variant.chosen])).toEqual([
      ['1080x1080', 'A', true], ['1080x1080', 'B', false], ['1080x1080', 'C', false],
      ['1200x628', 'A', true], ['1200x628', 'B', false], ['1200x628', 'C', false],
    ]);
    const images = await Promise.all([0, 1, 2].map((variant) => call('review.variantImage', { jobId, target: '1080x1080', variant })));
    const [a, b, c] = images.map((image) => bytesOf(image.dataUrl));
    expect(new Set([a!, b!, c!].map((bytes) => bytes.toString('base64'))).size).toBe(3);
    expect(readFileSync(square.path).equals(a!)).toBe(true);
    expect(readFileSync(join(spareDir, 'Landscape_1_C.jpg')).equals(c!)).toBe(true);
    // Every image was paid for once: 6 images at $0.15 and one vision fee.
    const spend = await call('spend.summary', {});
    expect(spend.totalCents).toBe(6 * 15 + 5);
    const bannerBytes = readFileSync(banner.path);

    const picked = await call('review.pickVariant', { jobId, target: '1080x1080', variant: 2 });
    expect(picked).toMatchObject({ cause: 'pick', version: 2, current: true });
    expect(readFileSync(square.path).equals(c!)).toBe(true);
    expect(readdirSync(spareDir).sort()).toEqual(['Landscape_1_A.jpg', 'Landscape_1_B.jpg']);
    expect(readFileSync(join(spareDir, 'Landscape_1_A.jpg')).equals(a!)).toBe(true);
    expect(readFileSync(banner.path).equals(bannerBytes)).toBe(true);
    expect((await call('review.variants', { jobId })).variants.filter((variant) => variant.chosen).map((variant) => `${variant.target}:${variant.letter}`)).toEqual(['1080x1080:C', '1200x628:A']);
    const after = (await call('jobs.detail', { id: jobId })).outputs.find((output) => output.target === '1080x1080')!;
    expect(after).toMatchObject({ provider: 'fal', bytes: c!.length });
    expect(await call('spend.summary', {})).toEqual(spend);
    // The first making stays restorable.
    expect((await call('review.versions', { jobId })).versions.map((version) => [version.version, version.cause])).toEqual([[1, 'run'], [2, 'pick']]);

    // A local re-make of the size: no variant is in the file any more; choosing A brings it back and C to variants/.
    await call('review.switchMethod', { jobId, path: square.path, method: 'crop' });
    expect((await call('review.variants', { jobId })).variants.filter((variant) => variant.target === '1080x1080' && variant.chosen)).toEqual([]);
    await call('review.pickVariant', { jobId, target: '1080x1080', variant: 0 });
    expect(readFileSync(square.path).equals(a!)).toBe(true);
    expect(readdirSync(spareDir).sort()).toEqual(['Landscape_1_B.jpg', 'Landscape_1_C.jpg']);
    expect(readFileSync(join(spareDir, 'Landscape_1_C.jpg')).equals(c!)).toBe(true);
    expect((await call('review.variants', { jobId })).variants.find((variant) => variant.target === '1080x1080' && variant.chosen)?.letter).toBe('A');
    expect((await call('jobs.detail', { id: jobId })).outputs.find((output) => output.target === '1080x1080')).toMatchObject({ provider: 'fal', layout: null });
    expect(await call('spend.summary', {})).toEqual(spend);

    const refused = await dispatchCall(harness!.api, 'review.pickVariant', { jobId, target: '1080x1080', variant: 3 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'variant_not_found', message: '1080x1080 has no variant D (it has A, B, C).' } });
  });

  it('with discard, keeps no variants beside the outputs, yet still lets one be chosen from the app’s copy', async () => {
    const { call, jobId, detail } = await runVariantsJob({ keep: 'discard', naming: 'choose' });
    const square = detail.outputs.find((output) => output.target === '1080x1080')!;
    expect(existsSync(join(dirname(square.path), 'variants'))).toBe(false);
    const b = bytesOf((await call('review.variantImage', { jobId, target: '1080x1080', variant: 1 })).dataUrl);
    await call('review.pickVariant', { jobId, target: '1080x1080', variant: 1 });
    expect(readFileSync(square.path).equals(b)).toBe(true);
    expect(existsSync(join(dirname(square.path), 'variants'))).toBe(false);
  });

  it('with A/B naming, writes every variant as its own deliverable and lists none to choose', async () => {
    const { call, jobId, detail } = await runVariantsJob({ keep: 'subfolder', naming: 'ab' });
    expect(detail.outputs.map((output) => `${output.target}/${basename(output.path)}`).sort()).toEqual([
      '1080x1080/Landscape_1_A.jpg', '1080x1080/Landscape_1_B.jpg', '1080x1080/Landscape_1_C.jpg',
      '1200x628/Landscape_1_A.jpg', '1200x628/Landscape_1_B.jpg', '1200x628/Landscape_1_C.jpg',
    ]);
    const files = detail.outputs.map((output) => readFileSync(output.path).toString('base64'));
    expect(new Set(files).size).toBe(6);
    expect((await call('review.variants', { jobId })).variants).toEqual([]);
    expect((await call('spend.summary', {})).totalCents).toBe(6 * 15 + 5);
  });
});
