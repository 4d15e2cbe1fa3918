import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../../electron/shared/contract/types';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';

// fal's variants come in sets: a re-run of one size at fal with several images per size keeps all of them as that
// size's new set (as a job's run does), and restoring a version brings back its own set: the file and variants/
// agree with the restored version's variant and the others of its set.

const PHOTO = '../shared/corpus/Landscape_1.jpg';
let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const bytesOf = (dataUrl: string) => Buffer.from(dataUrl.split(',')[1]!, 'base64');

/** The size's variants as listed now (letter, chosen) and each one's bytes from the app's copy. */
async function variantsOf(api: ApiHandlers, jobId: string, target: string) {
  const listed = (await api.review.variants({ jobId })).variants.filter((variant) => variant.target === target);
  const bytes = await Promise.all(listed.map(async (variant) => bytesOf((await api.review.variantImage({ jobId, target, variant: variant.variant })).dataUrl)));
  return { letters: listed.map((variant) => `${variant.letter}${variant.chosen ? '*' : ''}`), bytes };
}

/** The spares in variants/ beside the output, by name, as bytes. */
function sparesBeside(outputPath: string): Map<string, Buffer> {
  const folder = join(dirname(outputPath), 'variants');
  return new Map(readdirSync(folder).sort().map((name) => [name, readFileSync(join(folder, name))]));
}

describe('variant sets', () => {
  it('keeps every image of a re-run at fal as the size’s new variants, charged once, and a restore brings its own set back', async () => {
    harness = await startEngineHarness({
      profile: { name: 'Sets', sizes: [{ width: 1080, height: 1080, policy: 'fal' }], output: { format: 'jpeg', quality: 85 }, fal: { numImagesPerSize: 3, variants: { keep: 'subfolder', naming: 'choose' } } },
      fakeOptions: { regenerates: true },
    });
    const { api } = harness;
    copyFileSync(PHOTO, join(harness.watched, 'Landscape_1.jpg'));
    const job = await harness.waitForJob('Landscape_1.jpg', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');
    const square = (await api.jobs.detail({ id: job.id })).outputs[0]!;
    const first = await variantsOf(api, job.id, '1080x1080');
    expect(first.letters).toEqual(['A*', 'B', 'C']);
    const chargesBefore = (await api.spend.ledger({ limit: 100 })).rows.filter((row) => row.kind === 'charge');

    // The re-run: one request of that size, its three images all kept, A in the file and B, C in variants/.
    const offer = await api.review.falRerunOffer({ jobId: job.id, path: square.path });
    const rerun = await api.review.rerunFal({ jobId: job.id, path: square.path });
    const charges = (await api.spend.ledger({ limit: 100 })).rows.filter((row) => row.kind === 'charge');
    expect(charges).toHaveLength(chargesBefore.length + 1);
    expect(charges.find((row) => row.requestId === rerun.requestId)).toMatchObject({ cents: offer.quote!.minCents, images: 3 });
    expect(rerun.costCents).toBe(3 * 15 + 5);
    const second = await variantsOf(api, job.id, '1080x1080');
    expect(second.letters).toEqual(['A*', 'B', 'C']);
    // Three new images, none of them the run's.
    const runImages = new Set(first.bytes.map((bytes) => bytes.toString('base64')));
    expect(second.bytes.filter((bytes) => runImages.has(bytes.toString('base64')))).toEqual([]);
    expect(readFileSync(square.path).equals(second.bytes[0]!)).toBe(true);
    let spares = sparesBeside(square.path);
    expect([...spares.keys()]).toEqual(['Landscape_1_B.jpg', 'Landscape_1_C.jpg']);
    expect(spares.get('Landscape_1_B.jpg')!.equals(second.bytes[1]!)).toBe(true);
    expect(spares.get('Landscape_1_C.jpg')!.equals(second.bytes[2]!)).toBe(true);

    // Restoring the run's making: its A in the file, its B and C in variants/, its set listed (A chosen).
    await api.review.restore({ jobId: job.id, path: square.path, version: 1 });
    expect(readFileSync(square.path).equals(first.bytes[0]!)).toBe(true);
    spares = sparesBeside(square.path);
    expect([...spares.keys()]).toEqual(['Landscape_1_B.jpg', 'Landscape_1_C.jpg']);
    expect(spares.get('Landscape_1_B.jpg')!.equals(first.bytes[1]!)).toBe(true);
    expect(spares.get('Landscape_1_C.jpg')!.equals(first.bytes[2]!)).toBe(true);
    expect((await variantsOf(api, job.id, '1080x1080')).letters).toEqual(['A*', 'B', 'C']);
    expect((await variantsOf(api, job.id, '1080x1080')).bytes[1]!.equals(first.bytes[1]!)).toBe(true);

    // A pick in the run's set, then back to the re-run's version and then to the pick: each brings its set and choice.
    const picked = await api.review.pickVariant({ jobId: job.id, target: '1080x1080', variant: 2 });
    expect(readFileSync(square.path).equals(first.bytes[2]!)).toBe(true);
    expect([...sparesBeside(square.path).keys()]).toEqual(['Landscape_1_A.jpg', 'Landscape_1_B.jpg']);
    await api.review.restore({ jobId: job.id, path: square.path, version: rerun.version });
    expect(readFileSync(square.path).equals(second.bytes[0]!)).toBe(true);
    spares = sparesBeside(square.path);
    expect([...spares.keys()]).toEqual(['Landscape_1_B.jpg', 'Landscape_1_C.jpg']);
    expect(spares.get('Landscape_1_C.jpg')!.equals(second.bytes[2]!)).toBe(true);
    await api.review.restore({ jobId: job.id, path: square.path, version: picked.version });
    expect(readFileSync(square.path).equals(first.bytes[2]!)).toBe(true);
    spares = sparesBeside(square.path);
    expect([...spares.keys()]).toEqual(['Landscape_1_A.jpg', 'Landscape_1_B.jpg']);
    expect(spares.get('Landscape_1_A.jpg')!.equals(first.bytes[0]!)).toBe(true);
    expect((await variantsOf(api, job.id, '1080x1080')).letters).toEqual(['A', 'B', 'C*']);
    // None of it was charged again.
    expect((await api.spend.ledger({ limit: 100 })).rows.filter((row) => row.kind === 'charge')).toHaveLength(charges.length);
  });
});
