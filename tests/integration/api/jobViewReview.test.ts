import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostServices } from '../../../electron/engine/api/hostServices';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { FullImage, JobOutput, VerbCallInput, VerbName, VerbOutput } from '../../../electron/shared';
import { rerunSizeLocally } from '../../../electron/engine/review/rerunLocally';
import { openJobStore } from '../../../electron/engine/store';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';

// What the job view reads, through the contract with the real engine: each local output's layout (its frame on the
// source, in upright source pixels), the source's size, and the large view's before/after images.

const host: HostServices = { openPath: async () => undefined, revealPath: async () => undefined, pickFolder: async () => null, keyStorage: 'plaintext-fallback' };
/** A 600x450 corpus photo with detail everywhere (a wrong region shows as a large difference). */
const PHOTO = '../shared/corpus/Landscape_1.jpg';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function runLocalJob(sizes: Array<{ width: number; height: number }>) {
  harness = await startEngineHarness({
    profile: { name: 'Review', sizes: sizes.map((size) => ({ ...size, policy: 'local' as const })), output: { format: 'png', quality: 90 } },
  });
  const api = harness.engine.api(host);
  const call = async <V extends VerbName>(verb: V, input?: VerbCallInput<V>): Promise<VerbOutput<V>> => {
    const result = await dispatchCall(api, verb, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as VerbOutput<V>;
  };
  const source = join(harness.root, 'Landscape_1.jpg');
  copyFileSync(PHOTO, source);
  const { jobIds } = await call('jobs.enqueuePaths', { paths: [source], profileId: harness.profile.id });
  await harness.waitForJob('Landscape_1.jpg', ['done', 'failed']);
  return { call, jobId: jobIds[0]!, detail: await call('jobs.detail', { id: jobIds[0]! }) };
}

/** A box in an image's pixels. */
type Box = { left: number; top: number; width: number; height: number };

/** Mean absolute difference per channel (0-255) of two images of one size, over a box of them (default all). */
async function meanDifference(a: FullImage, b: FullImage, box?: Box): Promise<number> {
  const pixels = (image: FullImage) => {
    const picture = sharp(Buffer.from(image.dataUrl.split(',')[1]!, 'base64')).removeAlpha();
    return (box ? picture.extract(box) : picture).raw().toBuffer();
  };
  const [left, right] = await Promise.all([pixels(a), pixels(b)]);
  expect(left.length).toBe(right.length);
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += Math.abs(left[index]! - right[index]!);
  return sum / left.length;
}

/** Where a layout's source region lands in its output (a padded layout's fill around it is not the source's). */
function regionInOutput(layout: NonNullable<JobOutput['layout']>, output: { width: number; height: number }): Box {
  const scale = output.width / layout.window.width;
  const left = Math.max(0, Math.ceil((layout.sourceRegion.left - layout.window.left) * scale) + 1);
  const top = Math.max(0, Math.ceil((layout.sourceRegion.top - layout.window.top) * scale) + 1);
  const width = Math.min(output.width - left, Math.floor(layout.sourceRegion.width * scale) - 2);
  const height = Math.min(output.height - top, Math.floor(layout.sourceRegion.height * scale) - 2);
  return { left, top, width, height };
}

describe('the job view’s facts', () => {
  it('records each local size’s window (the target’s shape) and region (inside the source), and the source’s size', async () => {
    const { detail } = await runLocalJob([
      { width: 1080, height: 1080 },
      { width: 1200, height: 628 },
      { width: 1080, height: 1920 },
    ]);
    expect(detail.state).toBe('done');
    expect(detail.source).toEqual({ width: 600, height: 450 });
    for (const output of detail.outputs) {
      const layout = output.layout;
      expect(layout, output.target).not.toBeNull();
      expect(layout!.window.width / layout!.window.height).toBeCloseTo(output.width / output.height, 2);
      const region = layout!.sourceRegion;
      expect(region.left).toBeGreaterThanOrEqual(0);
      expect(region.top).toBeGreaterThanOrEqual(0);
      expect(region.left + region.width).toBeLessThanOrEqual(600);
      expect(region.top + region.height).toBeLessThanOrEqual(450);
      // A crop shows exactly its window; a padded layout's window reaches past the source.
      if (layout!.method === 'crop') expect(region.width).toBeCloseTo(layout!.window.width, 0);
    }
  });

  it('gives the large view the output’s exact bytes and a before of the same region that looks like it', async () => {
    const { call, jobId, detail } = await runLocalJob([
      { width: 450, height: 450 },
      { width: 600, height: 200 },
    ]);
    for (const output of detail.outputs) {
      const [after, before] = await Promise.all([call('review.image', { jobId, path: output.path }), call('review.before', { jobId, path: output.path })]);
      expect([after.width, after.height]).toEqual([output.width, output.height]);
      expect([before.width, before.height]).toEqual([output.width, output.height]);
      // The same region of the source: small differences (resampling, encoding), not a different picture.
      const difference = await meanDifference(after, before, regionInOutput(output.layout!, output));
      expect(difference, `${output.target} (${output.layout!.method})`).toBeLessThan(12);
    }
    // The square's picture moved by 40 px (a wrong region) differs a lot more: the measure can fail.
    const square = await call('review.image', { jobId, path: detail.outputs[0]!.path });
    const moved = await sharp(Buffer.from(square.dataUrl.split(',')[1]!, 'base64')).extract({ left: 40, top: 0, width: 410, height: 450 }).resize(450, 450, { fit: 'fill' }).png().toBuffer();
    const difference = await meanDifference({ ...square, dataUrl: `data:image/png;base64,${moved.toString('base64')}` }, square);
    expect(difference).toBeGreaterThan(12);
  });

  it('refuses a path that is not an output of the job', async () => {
    const { call, jobId, detail } = await runLocalJob([{ width: 300, height: 300 }]);
    await expect(call('review.image', { jobId, path: detail.sourcePath })).rejects.toThrow(/path_not_allowed/);
    await expect(call('review.before', { jobId: 'job_none', path: detail.outputs[0]!.path })).rejects.toThrow(/job_not_found/);
  });

  it('nudges one size: only its file changes, locally and free, as version 2; version 1 restores byte for byte', async () => {
    const { call, jobId, detail } = await runLocalJob([
      { width: 450, height: 450 },
      { width: 600, height: 200 },
    ]);
    const before = new Map(detail.outputs.map((output) => [output.path, readFileSync(output.path)]));
    const square = detail.outputs.find((output) => output.target === '450x450')!;
    const moved = { left: square.layout!.window.left > 60 ? 0 : 150, top: 0, width: 450, height: 450 };
    const made = await call('review.nudge', { jobId, path: square.path, window: moved });
    expect(made).toMatchObject({ target: '450x450', version: 2, cause: 'nudge', current: true });
    for (const output of detail.outputs) {
      const now = readFileSync(output.path);
      expect(now.equals(before.get(output.path)!), output.target).toBe(output.target !== '450x450');
    }
    const after = await call('jobs.detail', { id: jobId });
    const nudged = after.outputs.find((output) => output.target === '450x450')!;
    expect(nudged.layout!.window.left).toBeCloseTo(moved.left, 0);
    expect(nudged.bytes).toBe(readFileSync(square.path).length);
    // The new file shows the moved region of the source.
    const [image, region] = await Promise.all([call('review.image', { jobId, path: square.path }), call('review.before', { jobId, path: square.path })]);
    expect(await meanDifference(image, region)).toBeLessThan(12);
    expect(after.costCents).toBeNull();
    expect(harness!.fake.countSubmits()).toBe(0);

    const { versions } = await call('review.versions', { jobId });
    expect(versions.map((version) => [version.target, version.version, version.cause, version.current])).toEqual([
      ['450x450', 1, 'run', false],
      ['450x450', 2, 'nudge', true],
    ]);
    const restored = await call('review.restore', { jobId, path: square.path, version: 1 });
    expect(restored).toMatchObject({ version: 3, cause: 'restore', current: true });
    expect(readFileSync(square.path).equals(before.get(square.path)!)).toBe(true);
    expect((await call('jobs.detail', { id: jobId })).outputs.find((output) => output.target === '450x450')!.layout).toEqual(square.layout);
    await expect(call('review.restore', { jobId, path: square.path, version: 9 })).rejects.toThrow(/version_not_found/);
  });
});

describe('versions record who made them', () => {
  it('gives a fal making back to fal when it is restored after a local re-run (provider and tier)', async () => {
    harness = await startEngineHarness({ profile: { name: 'Fal square', sizes: [{ width: 400, height: 400, policy: 'fal' }], output: { format: 'png', quality: 90 } } });
    const api = harness.engine.api(host);
    const call = async <V extends VerbName>(verb: V, input?: VerbCallInput<V>): Promise<VerbOutput<V>> => {
      const result = await dispatchCall(api, verb, input);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as VerbOutput<V>;
    };
    copyFileSync(PHOTO, join(harness.watched, 'Landscape_1.jpg'));
    const job = await harness.waitForJob('Landscape_1.jpg', ['done', 'failed']);
    const [falMade] = (await call('jobs.detail', { id: job.id })).outputs;
    expect(falMade).toMatchObject({ provider: 'fal', tier: '1K' });
    const falBytes = readFileSync(falMade!.path);

    // The CLI's local re-run of that size, on a store handle of its own (as `smart-resize rerun` opens one).
    const own = openJobStore(harness.dataDir);
    try {
      const fixing = { store: own, dataDir: harness.dataDir, profileOf: () => harness!.profile };
      await rerunSizeLocally(fixing, job.id, '400x400');
    } finally {
      await own.close();
    }
    expect((await call('jobs.detail', { id: job.id })).outputs[0]).toMatchObject({ provider: 'local', tier: null });

    const restored = await call('review.restore', { jobId: job.id, path: falMade!.path, version: 1 });
    expect(restored).toMatchObject({ version: 3, cause: 'restore', provider: 'fal', tier: '1K', current: true });
    expect(readFileSync(falMade!.path).equals(falBytes)).toBe(true);
    expect((await call('jobs.detail', { id: job.id })).outputs[0]).toMatchObject({ provider: 'fal', tier: '1K' });
    const { versions } = await call('review.versions', { jobId: job.id });
    expect(versions.map((version) => [version.version, version.cause, version.provider, version.tier])).toEqual([
      [1, 'run', 'fal', '1K'],
      [2, 'nudge', 'local', null],
      [3, 'restore', 'fal', '1K'],
    ]);
  });
});
