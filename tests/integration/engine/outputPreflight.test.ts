import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExifReader from 'exifreader';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A photo-like source with the photographer's rights and a GPS position in its EXIF. */
async function sourceWithRights(path: string): Promise<void> {
  const noise = Buffer.alloc(1600 * 1200 * 3);
  for (let index = 0; index < noise.length; index++) noise[index] = (index % 251) ^ ((index >> 7) & 255);
  await sharp(noise, { raw: { width: 1600, height: 1200, channels: 3 } })
    .withExif({ IFD0: { Artist: 'Ana Pereira', Copyright: '(c) 2026 Ana Pereira' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 43/1 0/1' } })
    .jpeg({ quality: 92 })
    .toFile(path);
}

function exifOf(bytes: Buffer) {
  return ExifReader.load(bytes, { expanded: true }) as unknown as Record<string, Record<string, { description?: string }> | undefined>;
}

describe('every output is encoded to its placement and preflighted, for both providers', () => {
  it('fal outputs: placement rows with auto format become JPEGs with rights kept, GPS gone, marked AI-composited, verdicts stored', async () => {
    harness = await startEngineHarness({
      profile: { name: 'Placements via fal', sizes: [{ placement: 'meta-feed-square', policy: 'fal' }, { placement: 'google-responsive-landscape', policy: 'fal' }], output: { format: 'auto' } },
    });
    await sourceWithRights(join(harness.watched, 'shoot.jpg'));
    const job = await harness.waitForJob('shoot.jpg', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');
    const outputs = await harness.store.outputs.listOutputs(job.id);
    expect(outputs.map((output) => [output.target, output.format, output.preflight?.placementId])).toEqual([
      ['1080x1080', 'jpeg', 'meta-feed-square'],
      ['1200x628', 'jpeg', 'google-responsive-landscape'],
    ]);
    for (const output of outputs) {
      expect(output.path.endsWith('.jpg')).toBe(true);
      const bytes = await readFile(output.path);
      const tags = exifOf(bytes);
      expect(tags['exif']?.['Copyright']?.description).toBe('(c) 2026 Ana Pereira');
      expect(tags['gps'] ?? {}).toEqual({});
      expect((await sharp(bytes).metadata()).xmp?.toString()).toContain('compositeWithTrainedAlgorithmicMedia');
      expect(output.preflight?.checks.map((check) => check.id)).toEqual(['pixels', 'aspect', 'weight', 'format', 'colour', 'upscale', 'safe_zone']);
      expect(output.preflight?.checks.find((check) => check.id === 'weight')?.status).toBe('pass');
      expect(output.bytes).toBe(bytes.length);
    }
  });

  it('local outputs: a 2x2 PNG made into 1080x1920 is preflighted with the upscale warning and noted in the job log', async () => {
    harness = await startEngineHarness({
      profile: { name: 'Tiny local', sizes: [{ placement: 'meta-reels', policy: 'local' }], output: { format: 'auto' } },
    });
    const tiny = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#3a7' } }).png().toBuffer();
    await writeFile(join(harness.watched, 'tiny.png'), tiny);
    const job = await harness.waitForJob('tiny.png', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');
    const [output] = await harness.store.outputs.listOutputs(job.id);
    expect(output?.preflight?.status).toBe('warn');
    expect(output?.preflight?.checks.find((check) => check.id === 'upscale')?.message).toBe('Enlarged 720.0x from a 2x2 px source: it may look soft. A larger original would be sharper.');
    const notes = (await harness.store.events.eventsAfter(0)).filter((event) => event.jobId === job.id && event.kind === 'job_note');
    expect(notes.map((event) => event.data['message']).join(' ')).toContain('1080x1920 was enlarged 720.0x from a 2x2 source');
  });
});
