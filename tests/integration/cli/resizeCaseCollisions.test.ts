import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldName } from '../../../electron/engine/output/foldedName';
import { jsonLines, runCli } from '../../support/cli/runCli';
import { writeTestJpeg } from '../../support/engine/testImages';

// `resize` names its outputs as the engine does (output/caseCollisions): two sources whose outputs would differ
// only by case are one file once the --out folder is on a case-insensitive share (SMB, macOS, Windows).

const dir = mkdtempSync(join(tmpdir(), 'smart-resize-resize-case-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resize of two sources whose names differ only by case, to one --out', () => {
  it('gives the second output "name (2)": two distinct files however the disk compares names, each its own source', async () => {
    const sources = join(dir, 'in');
    mkdirSync(sources);
    await writeTestJpeg(join(sources, 'Banner.jpg'), 21);
    await writeTestJpeg(join(sources, 'banner.JPG'), 22);
    const out = join(dir, 'out');
    const run = await runCli(['resize', join(sources, 'Banner.jpg'), join(sources, 'banner.JPG'), '--sizes', '120x120', '--out', out, '--no-detect', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const paths = jsonLines<{ status: string; outputs: { path: string }[] }>(run.stdout).flatMap((line) => line.outputs.map((output) => output.path));
    expect(paths).toHaveLength(2);
    expect(paths.map((path) => path.split('/').pop())).toEqual(['Banner.png', 'banner (2).png']);
    const written = readdirSync(out, { recursive: true }).map(String).filter((name) => name.endsWith('.png'));
    expect(new Set(written.map(foldName)).size, written.join(', ')).toBe(2);
    expect(readFileSync(paths[0]!).equals(readFileSync(paths[1]!))).toBe(false);
  });
});
