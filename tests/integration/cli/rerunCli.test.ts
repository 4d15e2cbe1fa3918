import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { jsonLines, runCli } from '../../support/cli/runCli';

// `smart-resize rerun JOB --size WxH` re-makes one size in the app's own store (--data), free and locally; the
// others stay byte for byte, and `smart-resize jobs --json` then lists that output's versions and preflight.

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('smart-resize rerun', () => {
  it('re-makes one size with a focal point as a new version; jobs --json lists versions and preflight; refuses what it cannot do', async () => {
    harness = await startEngineHarness({
      profile: { name: 'Rerun', sizes: [{ width: 300, height: 300, policy: 'local' }, { width: 400, height: 200, policy: 'local' }], output: { format: 'png', quality: 90 } },
    });
    const source = join(harness.watched, 'Landscape_1.jpg');
    copyFileSync('../shared/corpus/Landscape_1.jpg', source);
    const job = await harness.waitForJob('Landscape_1.jpg', ['done']);
    const outputs = await harness.store.outputs.listOutputs(job.id);
    const before = new Map(outputs.map((output) => [output.target, readFileSync(output.path)]));
    const square = outputs.find((output) => output.target === '300x300')!;

    // A focal point at the far left pulls the square crop to the source's left edge.
    const run = await runCli(['rerun', job.id, '--size', '300x300', '--focus', '0.02,0.5', '--json', '--data', harness.dataDir]);
    expect(run.code, run.stderr).toBe(0);
    const [line] = jsonLines<{ size: string; path: string; version: number; provider: string; costCents: number; layout: { window: { left: number } } }>(run.stdout);
    expect(line).toMatchObject({ size: '300x300', path: square.path, version: 2, provider: 'local', costCents: 0 });
    expect(line!.layout.window.left).toBeLessThan(square.layout!.window.left);
    expect(readFileSync(square.path).equals(before.get('300x300')!)).toBe(false);
    const banner = outputs.find((output) => output.target === '400x200')!;
    expect(readFileSync(banner.path).equals(before.get('400x200')!)).toBe(true);

    const jobs = await runCli(['jobs', '--json', '--data', harness.dataDir]);
    expect(jobs.code, jobs.stderr).toBe(0);
    const [listed] = jsonLines<{ outputs: Array<{ target: string; preflight: { status: string } | null; versions: Array<{ version: number; cause: string; current: boolean }> }> }>(jobs.stdout);
    const squareLine = listed!.outputs.find((output) => output.target === '300x300')!;
    expect(squareLine.versions.map((version) => [version.version, version.cause, version.current])).toEqual([[1, 'run', false], [2, 'nudge', true]]);
    expect(squareLine.preflight?.status).toMatch(/pass|warn|fail/);
    expect(listed!.outputs.find((output) => output.target === '400x200')!.versions).toEqual([]);

    // A size the job does not have, and fal (not built for one size), exit 1 with the reason.
    const missing = await runCli(['rerun', job.id, '--size', '500x500', '--data', harness.dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('has no 500x500 output (it has 300x300, 400x200)');
    const fal = await runCli(['rerun', job.id, '--size', '300x300', '--provider', 'fal', '--data', harness.dataDir]);
    expect(fal.code).toBe(1);
    expect(fal.stderr).toContain('only local re-runs of one size exist so far');
  });
});
