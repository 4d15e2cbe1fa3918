import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';

// Review first: the local preview an approved fal output replaces is kept as an earlier version (cause `preview`),
// so it can be restored byte for byte, free; the fal output is the version after it.

const PHOTO = '../shared/corpus/Landscape_1.jpg';
let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('a review-first preview replaced by its approved fal output', () => {
  it('stays a version that restores exactly, and the fal output is the version after it', async () => {
    harness = await startEngineHarness({
      profile: { name: 'Review', sizes: [{ width: 1080, height: 1080, policy: 'fal' }, { width: 300, height: 250, policy: 'local' }], output: { format: 'jpeg', quality: 85 } },
    });
    const { api } = harness;
    const drops = join(harness.root, 'drops');
    mkdirSync(drops, { recursive: true });
    copyFileSync(PHOTO, join(drops, 'shoot.jpg'));
    const { jobIds } = await api.jobs.enqueuePaths({ paths: [join(drops, 'shoot.jpg')], profileId: harness.profile.id, reviewFirst: true });
    const jobId = jobIds[0]!;
    let job = await harness.waitForJob('shoot.jpg', ['awaiting_approval', 'done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('awaiting_approval');
    const square = (await api.jobs.detail({ id: jobId })).outputs.find((output) => output.target === '1080x1080')!;
    expect(square.provider).toBe('local');
    const preview = readFileSync(square.path);

    await api.approvals.approve({ jobIds: [jobId] });
    job = await harness.waitForJob('shoot.jpg', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');
    const approved = readFileSync(square.path);
    expect(approved.equals(preview)).toBe(false);
    const { versions } = await api.review.versions({ jobId });
    expect(versions.map((version) => [version.target, version.version, version.cause, version.provider, version.current])).toEqual([
      ['1080x1080', 1, 'preview', 'local', false],
      ['1080x1080', 2, 'run', 'fal', true],
    ]);
    const spend = await api.spend.summary({});

    // The preview restores byte for byte, as the local engine's making, free; the fal output restores after it.
    await api.review.restore({ jobId, path: square.path, version: 1 });
    expect(readFileSync(square.path).equals(preview)).toBe(true);
    expect((await api.jobs.detail({ id: jobId })).outputs.find((output) => output.target === '1080x1080')).toMatchObject({ provider: 'local' });
    await api.review.restore({ jobId, path: square.path, version: 2 });
    expect(readFileSync(square.path).equals(approved)).toBe(true);
    expect((await api.jobs.detail({ id: jobId })).outputs.find((output) => output.target === '1080x1080')).toMatchObject({ provider: 'fal' });
    expect(await api.spend.summary({})).toEqual(spend);
  });
});
