import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { marksOfSource, sidecarPathFor } from '../../../electron/engine/composition/marks';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { findObject } from '../../support/images/objectInImage';
import { makeSubjectScene } from '../../support/images/subjectScene';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A story-shaped photo whose subject (a magenta block) sits in the top 14% a story's header covers. */
const scene = makeSubjectScene({ width: 1080, height: 1920, centreX: 0.5, centreY: 0.07, objectWidth: 300, objectHeight: 150, shape: 'rect', seed: 21 });
const KEEP = { left: scene.object.left / 1080, top: scene.object.top / 1920, width: 300 / 1080, height: 150 / 1920 };

async function objectIn(path: string) {
  const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
  return findObject(data, info.width, info.height, info.channels);
}

describe("the user's focal point and keep boxes", () => {
  it('remake the local sizes at once, keep the box out of the safe zone, and travel per content hash and in an XMP sidecar', async () => {
    harness = await startEngineHarness({
      profile: { name: 'Stories', sizes: [{ placement: 'meta-stories', policy: 'local' }, { width: 1080, height: 1080, policy: 'local' }], output: { format: 'png' } },
    });
    const source = join(harness.watched, 'story.png');
    await sharp(scene.raw.data, { raw: scene.raw }).png().toFile(source);
    const job = await harness.waitForJob('story.png', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');
    const story = (await harness.store.outputs.listOutputs(job.id)).find((output) => output.target === '1080x1920')!;
    const square = (await harness.store.outputs.listOutputs(job.id)).find((output) => output.target === '1080x1080')!;
    // Without marks the subject is only salient: the story is the photo as it is, the block under the header.
    expect((await objectIn(story.path))!.y0).toBeLessThan(0.14 * 1920);
    const storyBefore = await readFile(story.path);

    const result = await harness.engine.setJobMarks(job.id, { keep: [KEEP] });
    expect(result.remade.sort()).toEqual(['1080x1080', '1080x1920']);
    expect(result.falRerun).toBeUndefined();
    expect(result.notes).toEqual([]);

    // Same files, made again: the block is whole and below the story's header band.
    const after = (await harness.store.outputs.listOutputs(job.id)).find((output) => output.target === '1080x1920')!;
    expect(after.path).toBe(story.path);
    const found = (await objectIn(after.path))!;
    expect(found.y0).toBeGreaterThanOrEqual(0.14 * 1920);
    expect(found.y1).toBeLessThan(1920 * (1 - 0.2));
    expect(after.preflight?.checks.find((check) => check.id === 'safe_zone')?.status).toBe('pass');
    expect(await objectIn(square.path)).not.toBeNull();

    // Each remade size is a new version (cause marks, the local engine's); the making before the marks restores.
    const { versions } = await harness.api.review.versions({ jobId: job.id });
    expect(versions.map((version) => [version.target, version.version, version.cause, version.provider, version.current])).toEqual([
      ['1080x1080', 1, 'run', 'local', false],
      ['1080x1080', 2, 'marks', 'local', true],
      ['1080x1920', 1, 'run', 'local', false],
      ['1080x1920', 2, 'marks', 'local', true],
    ]);
    await harness.api.review.restore({ jobId: job.id, path: story.path, version: 1 });
    expect((await readFile(story.path)).equals(storyBefore)).toBe(true);

    // Kept per content hash (a renamed copy finds them) and in the sidecar beside the source.
    const copy = join(harness.watched, 'renamed.png');
    await writeFile(copy, await readFile(source));
    const stored = await marksOfSource(harness.store.marks, job.contentHash, copy);
    expect(stored.marks?.keep[0]?.left).toBeCloseTo(KEEP.left, 5);
    const xmp = await readFile(sidecarPathFor(source), 'utf8');
    expect(xmp).toContain('srmarks:KeepBoxes');
    const notes = (await harness.eventsOf(job.id, 'job_note')).map((event) => String(event.data['message']));
    expect(notes.join('\n')).toContain('Focal point and keep boxes set: 1080x1080, 1080x1920 made again locally (free)');
  });
});
