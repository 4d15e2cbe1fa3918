import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';

// A dropped batch given its own output folder keeps every fix of its outputs there: a re-run at fal, a nudge, a
// method switch, a marks remake and the marks' fal re-run all land in the batch's folder, and nothing anywhere else.

const PHOTO = '../shared/corpus/Landscape_1.jpg';
const PROFILE = {
  name: 'Batch folder',
  sizes: [
    { width: 1080, height: 1080, policy: 'fal' as const },
    { width: 300, height: 250, policy: 'local' as const },
  ],
  output: { format: 'jpeg' as const, quality: 85 },
};

let harness: EngineHarness | undefined;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await harness?.close();
  harness = undefined;
});

/** Every file under a folder (hidden temp files included), relative to it. */
function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(folder, path));
    }
  };
  walk(folder);
  return found.sort();
}

describe("a batch's own output folder", () => {
  it('holds every re-run, nudge, method switch and marks remake of its outputs, and no file lands elsewhere', async () => {
    harness = await startEngineHarness({ profile: PROFILE, fakeOptions: { regenerates: true } });
    const { api } = harness;
    const drops = join(harness.root, 'drops');
    mkdirSync(drops, { recursive: true });
    copyFileSync(PHOTO, join(drops, 'shoot.jpg'));
    // A folder of its own, not under the drop's parent (which is where a drop's outputs would go without one).
    const out = mkdtempSync(join(tmpdir(), 'smart-resize-delivery-'));
    cleanups.push(() => rmSync(out, { recursive: true, force: true }));
    const { jobIds } = await api.jobs.enqueuePaths({ paths: [join(drops, 'shoot.jpg')], profileId: harness.profile.id, outputFolder: out });
    const jobId = jobIds[0]!;
    const job = await harness.waitForJob('shoot.jpg', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');
    const first = (await api.jobs.detail({ id: jobId })).outputs;
    const delivered = first.map((output) => relative(out, output.path)).sort();
    expect(delivered).toEqual(['drops-1080x1080/shoot.jpg', 'drops-300x250/shoot.jpg']);
    const square = first.find((output) => output.target === '1080x1080')!;
    const small = first.find((output) => output.target === '300x250')!;
    // The marks go into the source's own XMP sidecar (by design, beside the source): not an output.
    const elsewhere = () => [...filesUnder(drops), ...filesUnder(harness!.watched)].filter((file) => !file.endsWith('.xmp'));
    const before = elsewhere();

    const checkStillThere = async (what: string) => {
      const outputs = (await api.jobs.detail({ id: jobId })).outputs;
      expect(outputs.map((output) => relative(out, output.path)).sort(), what).toEqual(delivered);
      expect(filesUnder(out), what).toEqual(delivered);
      expect(elsewhere(), what).toEqual(before);
    };

    const rerun = await api.review.rerunFal({ jobId, path: square.path });
    expect(rerun).toMatchObject({ cause: 'fal_rerun', current: true });
    await checkStillThere('re-run at fal');
    const mtime = statSync(square.path).mtimeMs;

    await api.review.nudge({ jobId, path: small.path, window: { left: 10, top: 10, width: 600, height: 500 } });
    await checkStillThere('nudge');
    await api.review.switchMethod({ jobId, path: square.path, method: 'pad', fill: 'solid' });
    await checkStillThere('method switch');
    expect(statSync(square.path).mtimeMs).toBeGreaterThanOrEqual(mtime);

    const set = await api.marks.set({ jobId, marks: { focus: { x: 0.3, y: 0.5 }, keep: [] } });
    expect(set.remade.sort()).toEqual(['1080x1080', '300x250']);
    await checkStillThere('marks remake');
    // After the method switch 1080x1080 is the local engine's: make it fal's again, then re-run it after the marks.
    await api.review.rerunFal({ jobId, path: square.path });
    const marksRerun = await api.marks.rerunFal({ jobId });
    expect(marksRerun.sizes.map((entry) => entry.size)).toEqual(['1080x1080']);
    await checkStillThere("marks' fal re-run");
  });
});
