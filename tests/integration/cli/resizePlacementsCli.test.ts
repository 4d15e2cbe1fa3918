import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../../support/cli/runCli';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const PHOTO = join(CORPUS, '2569067123_aca715a2ee_o.jpg');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'smart-resize-placements-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Output {
  path: string;
  target: string;
  bytes: number;
  format: string;
  preflight: { status: string; placementId?: string; checks: Array<{ id: string; status: string; message: string }> };
}

describe('smart-resize resize with placements', () => {
  it('--pack iab --json: every output carries bytes, format and a preflight within the IAB weights', async () => {
    const run = await runCli(['resize', PHOTO, '--pack', 'iab', '--out', tempDir(), '--json']);
    expect(run.code).toBe(0);
    const [file] = jsonLines<{ outputs: Output[] }>(run.stdout);
    expect(file?.outputs).toHaveLength(12);
    for (const output of file?.outputs ?? []) {
      expect(output.bytes).toBe(statSync(output.path).size);
      expect(output.format).toBe('jpeg');
      expect(output.preflight.placementId).toBe(`iab-${output.target}`);
      expect(output.preflight.checks.find((check) => check.id === 'weight')?.status).toBe('pass');
      expect(['pass', 'warn']).toContain(output.preflight.status);
    }
  });

  it('--placements names placements; --max-kb sets a budget the encoder meets or says why not', async () => {
    const run = await runCli(['resize', PHOTO, '--placements', 'meta-reels,iab-300x250', '--max-kb', '60', '--out', tempDir(), '--json']);
    expect(run.code).toBe(0);
    const outputs = jsonLines<{ outputs: Output[] }>(run.stdout)[0]?.outputs ?? [];
    expect(outputs.map((output) => output.target)).toEqual(['1080x1920', '300x250']);
    for (const output of outputs) {
      const weight = output.preflight.checks.find((check) => check.id === 'weight');
      if (output.bytes <= 60_000) expect(weight?.status).toBe('pass');
      else expect(weight?.message).toMatch(/over the 60 KB limit.*Even the smallest encoding tried/);
      const meta = await sharp(output.path).metadata();
      expect(`${meta.width}x${meta.height}`).toBe(output.target);
    }
    expect(outputs.find((output) => output.target === '1080x1920')?.preflight.checks.some((check) => check.id === 'safe_zone')).toBe(true);
  });

  it('bare --sizes keep working unchanged (PNG), now with their preflight', async () => {
    const run = await runCli(['resize', PHOTO, '--sizes', '300x250', '--out', tempDir(), '--json']);
    const output = jsonLines<{ outputs: Output[] }>(run.stdout)[0]?.outputs[0];
    expect(output?.format).toBe('png');
    expect(output?.path.endsWith('.png')).toBe(true);
    expect(output?.preflight.placementId).toBeUndefined();
  });

  it('an unknown pack is refused clearly', async () => {
    const run = await runCli(['resize', PHOTO, '--pack', 'nope']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No pack has the id "nope"');
  });
});
