import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../electron/engine/profiles';
import { jsonLines, runCli } from '../../support/cli/runCli';
import { writeTestJpeg } from '../../support/engine/testImages';

// `resize` runs on the local engine only: an output of a profile size set to fal says it was asked for fal and
// made locally, in --json and in the lines a person reads.

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'smart-resize-asked-'));
  new ProfileStore({ dataDir: join(dir, 'data') }).create({
    name: 'Half fal',
    sizes: [
      { width: 200, height: 200, policy: 'fal' },
      { width: 300, height: 100, policy: 'local' },
    ],
    output: { format: 'jpeg', quality: 80 },
  });
  await writeTestJpeg(join(dir, 'photo.jpg'), 701, 320, 240);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resize with a profile whose sizes ask for fal', () => {
  it('marks those outputs as asked for fal, made locally, in --json', async () => {
    const run = await runCli(['resize', join(dir, 'photo.jpg'), '--profile', 'Half fal', '--data', join(dir, 'data'), '--out', join(dir, 'json'), '--json']);
    expect(run.code, run.stderr).toBe(0);
    const [line] = jsonLines<{ outputs: Array<{ target: string; provider: string; askedForFal: boolean }>; notes: string[] }>(run.stdout);
    expect(line?.outputs.map(({ target, provider, askedForFal }) => ({ target, provider, askedForFal }))).toEqual([
      { target: '200x200', provider: 'local', askedForFal: true },
      { target: '300x100', provider: 'local', askedForFal: false },
    ]);
    expect(line?.notes).toContain('200x200 was set to fal and made by the local engine: the resize command uses the local engine only.');
  });

  it('says so beside the output for people', async () => {
    const run = await runCli(['resize', join(dir, 'photo.jpg'), '--profile', 'Half fal', '--data', join(dir, 'data'), '--out', join(dir, 'text')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/200x200 \w+ → .*photo\.jpg \(asked for fal, made locally\)/);
    expect(run.stdout).not.toMatch(/300x100 .*asked for fal/);
  });
});
