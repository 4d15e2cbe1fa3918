import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostServices } from '../../../electron/engine/api/hostServices';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { VerbCallInput, VerbName, VerbOutput } from '../../../electron/shared';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';

// review.switchMethod through the contract with the real engine: one size made again as a crop or a pad in a
// fill style, a new version at the same path, the other file untouched; bad input refused with the field named.

const host: HostServices = { openPath: async () => undefined, revealPath: async () => undefined, pickFolder: async () => null, keyStorage: 'plaintext-fallback' };
const PHOTO = '../shared/corpus/Landscape_1.jpg';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('review.switchMethod', () => {
  it('remakes one size as a pad in the fill asked for, then as a crop, each a version; the other size stays', async () => {
    harness = await startEngineHarness({
      profile: { name: 'Methods', sizes: [{ width: 1080, height: 1080, policy: 'local' }, { width: 1080, height: 1920, policy: 'local' }], output: { format: 'png', quality: 90 } },
    });
    const api = harness.engine.api(host);
    const call = async <V extends VerbName>(verb: V, input: VerbCallInput<V>): Promise<VerbOutput<V>> => {
      const result = await dispatchCall(api, verb, input);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as VerbOutput<V>;
    };
    const source = join(harness.root, 'Landscape_1.jpg');
    copyFileSync(PHOTO, source);
    await call('jobs.enqueuePaths', { paths: [source], profileId: harness.profile.id });
    const job = await harness.waitForJob('Landscape_1.jpg', ['done']);
    const detail = await call('jobs.detail', { id: job.id });
    const square = detail.outputs.find((output) => output.target === '1080x1080')!;
    const story = detail.outputs.find((output) => output.target === '1080x1920')!;
    const squareBytes = readFileSync(square.path);

    const padded = await call('review.switchMethod', { jobId: job.id, path: story.path, method: 'pad', fill: 'mirror' });
    expect(padded).toMatchObject({ cause: 'method', version: 2, current: true, layout: { method: 'pad', fill: 'mirror', sourceRegion: { left: 0, top: 0, width: 600, height: 450 } } });
    const cropped = await call('review.switchMethod', { jobId: job.id, path: story.path, method: 'crop' });
    expect(cropped).toMatchObject({ cause: 'method', version: 3, layout: { method: 'crop', fill: null } });
    const region = cropped.layout!.sourceRegion;
    expect(region.width / region.height).toBeCloseTo(1080 / 1920, 2);
    expect(readFileSync(square.path).equals(squareBytes)).toBe(true);
    const versions = await call('review.versions', { jobId: job.id });
    expect(versions.versions.map((version) => [version.target, version.version, version.cause])).toEqual([
      ['1080x1920', 1, 'run'],
      ['1080x1920', 2, 'method'],
      ['1080x1920', 3, 'method'],
    ]);

    const refused = await dispatchCall(api, 'review.switchMethod', { jobId: job.id, path: story.path, method: 'stretch', fill: 'sparkle' } as unknown as VerbCallInput<'review.switchMethod'>);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(/Method: .*"crop"\|"pad"/);
    expect(!refused.ok && refused.error.message).toMatch(/Fill: .*"blur"\|"extend"\|"solid"\|"mirror"/);
  });
});
