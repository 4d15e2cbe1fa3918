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

    // A size the job does not have exits 1 with the reason.
    const missing = await runCli(['rerun', job.id, '--size', '500x500', '--data', harness.dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('has no 500x500 output (it has 300x300, 400x200)');
  });

  it('--provider fal prints the price first, sends that one size, records one charge of that price and a new fal version', async () => {
    harness = await startEngineHarness({ fakeOptions: { regenerates: true }, profile: { name: 'Rerun fal', sizes: [{ width: 300, height: 300, policy: 'fal' }, { width: 400, height: 200, policy: 'fal' }], output: { format: 'png' } } });
    copyFileSync('../shared/corpus/Landscape_1.jpg', join(harness.watched, 'Landscape_1.jpg'));
    const job = await harness.waitForJob('Landscape_1.jpg', ['done']);
    const detail = await harness.api.jobs.detail({ id: job.id });
    const before = new Map(detail.outputs.map((output) => [output.target, readFileSync(output.path)]));
    const submits = harness.fake.countSubmits();
    const env = { FAL_KEY: harness.fake.key, FAL_PROXY_URL: harness.fake.proxyUrl };

    const run = await runCli(['rerun', job.id, '--size', '300x300', '--provider', 'fal', '--json', '--data', harness.dataDir], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Sending 300x300 of job ${job.id} to fal: $0.20 to $0.35 (one request; fal may bill the 4K tier: an answer that names no tier is recorded at the 4K price).`);
    const [line] = jsonLines<{ size: string; version: number; provider: string; costCents: number; requestId: string; path: string }>(run.stdout);
    expect(line).toMatchObject({ size: '300x300', version: 2, provider: 'fal', costCents: 20 });
    expect(harness.fake.countSubmits()).toBe(submits + 1);
    const charge = (await harness.api.spend.ledger({ limit: 100 })).rows.filter((row) => row.kind === 'charge' && row.requestId === line!.requestId);
    expect(charge.map((row) => row.cents)).toEqual([20]);
    expect(readFileSync(line!.path).equals(before.get('300x300')!)).toBe(false);
    expect(readFileSync(detail.outputs.find((output) => output.target === '400x200')!.path).equals(before.get('400x200')!)).toBe(true);

    // Without a key it says so and sends nothing; --focus is the local engine's only.
    await harness.api.falKey.clear();
    const refused = await runCli(['rerun', job.id, '--size', '300x300', '--provider', 'fal', '--data', harness.dataDir], { env: { FAL_KEY: '' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('no fal key is set');
    const focus = await runCli(['rerun', job.id, '--size', '300x300', '--provider', 'fal', '--focus', '0.5,0.5', '--data', harness.dataDir]);
    expect(focus.code).toBe(1);
    expect(focus.stderr).toContain('takes no focal point');
    expect(harness.fake.countSubmits()).toBe(submits + 1);
  });
});
