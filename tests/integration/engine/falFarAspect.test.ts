import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { findObject, objectCutReason } from '../../support/images/objectInImage';
import { makeSubjectScene } from '../../support/images/subjectScene';
import { recomposed } from '../../support/fakeFal/renderOutputs';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A 1500x1000 photo whose subject (a magenta disc) sits high up, far from the middle band a 728x90 keeps. */
const scene = makeSubjectScene({ width: 1500, height: 1000, centreX: 0.7, centreY: 0.17, objectWidth: 120, objectHeight: 120, shape: 'disc', seed: 13 });

async function cutReason(file: string | Buffer): Promise<string | null> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  return objectCutReason(findObject(data, info.width, info.height, info.channels), info.width, info.height, scene.spec);
}

describe('fal outputs of far aspects are finished here with the subject in frame', () => {
  it('asks fal for the 21:9 canvas of a 728x90 and cuts the banner around the subject, at the same price', async () => {
    harness = await startEngineHarness({
      profile: {
        name: 'Banner',
        sizes: [
          { width: 728, height: 90, policy: 'fal' },
          { width: 1080, height: 1080, policy: 'fal' },
        ],
        output: { format: 'png' },
      },
      fakeOptions: { renderMode: 'recompose' },
    });
    await sharp(scene.raw.data, { raw: scene.raw }).png().toFile(join(harness.watched, 'high.png'));
    const job = await harness.waitForJob('high.png', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');

    // One request, one output per size (the price does not change): the banner's slot carries its canvas.
    const submits = harness.submitsOf(job);
    expect(submits).toHaveLength(1);
    expect((submits[0]!.body as { target_sizes: string[] }).target_sizes).toEqual(['1584x672', '1080x1080']);

    const outputs = await harness.store.outputs.listOutputs(job.id);
    const banner = outputs.find((output) => output.target === '728x90')!;
    expect(banner.provider).toBe('fal');
    expect(banner.tier).toBe('1K');
    const meta = await sharp(banner.path).metadata();
    expect(`${meta.width}x${meta.height}`).toBe('728x90');
    expect(await cutReason(banner.path)).toBeNull();
    // What fal's own centre crop of the same generated canvas would have kept: the subject is lost.
    const source = await sharp(scene.raw.data, { raw: scene.raw }).png().toBuffer();
    const centreCrop = await sharp(await recomposed(source, 1584, 672)).resize(728, 90, { fit: 'cover', position: 'centre' }).png().toBuffer();
    expect(await cutReason(centreCrop)).not.toBeNull();

    const notes = (await harness.eventsOf(job.id, 'job_note')).map((event) => String(event.data['message']));
    expect(notes.join('\n')).toContain('728x90: fal made its 1584x672 canvas (1K), cut to size here around the subject');
  });
});
