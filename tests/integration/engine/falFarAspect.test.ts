import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { findObject, objectCutReason } from '../../support/images/objectInImage';
import { makeSubjectScene } from '../../support/images/subjectScene';
import { recomposed } from '../../support/fakeFal/renderOutputs';
import { marksToXmp } from '../../../electron/engine/composition/marks/xmpMarks';

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

  it("honours the source's keep box in a size cut from fal's canvas, as a local size does", async () => {
    harness = await startEngineHarness({
      profile: { name: 'Banner', sizes: [{ width: 728, height: 90, policy: 'fal' }], output: { format: 'png' } },
      fakeOptions: { renderMode: 'recompose' },
    });
    // A green label low on the left, far from the magenta disc the detector finds; the user keeps it whole.
    const marked = { ...scene.raw, data: Buffer.from(scene.raw.data) };
    const label = { left: 75, top: 780, width: 120, height: 90 };
    for (let y = label.top; y < label.top + label.height; y += 1) {
      for (let x = label.left; x < label.left + label.width; x += 1) marked.data.set([0, 210, 0], (y * marked.width + x) * 3);
    }
    const source = join(harness.watched, 'label.png');
    const keep = { left: label.left / 1500, top: label.top / 1000, width: label.width / 1500, height: label.height / 1000 };
    writeFileSync(`${source}.xmp`, marksToXmp({ keep: [keep] }, Date.now()));
    await sharp(marked.data, { raw: marked }).png().toFile(source);
    const job = await harness.waitForJob('label.png', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');
    const banner = (await harness.store.outputs.listOutputs(job.id)).find((output) => output.target === '728x90')!;
    expect(banner.provider).toBe('fal');
    // The whole label in the banner: the 1500x1000 source fills 1008x672 of the 1584x672 canvas, the banner is
    // 728/1584 of that, so the label is about 37x28 px there (1036 px; the resize's soft edge loses a little).
    const { data, info } = await sharp(banner.path).raw().toBuffer({ resolveWithObject: true });
    let green = 0;
    for (let index = 0; index < data.length; index += info.channels) if (data[index]! < 60 && data[index + 1]! > 160 && data[index + 2]! < 60) green += 1;
    expect(green).toBeGreaterThan(800);
  });
});
