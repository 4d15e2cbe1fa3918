import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../../support/cli/runCli';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'smart-resize-check-'));
  const image = () => sharp({ create: { width: 300, height: 250, channels: 3, background: '#336699' } }).withIccProfile('srgb');
  await image().jpeg().toFile(join(dir, 'good.jpg'));
  await image().webp().toFile(join(dir, 'wrong-format.webp'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('smart-resize check and specs', () => {
  it('check passes a good file with exit 0', async () => {
    const run = await runCli(['check', join(dir, 'good.jpg'), '--placement', 'iab-300x250', '--json']);
    expect(run.code).toBe(0);
    const [line] = jsonLines<{ preflight: { status: string; checks: Array<{ id: string; status: string; message: string }> } }>(run.stdout);
    expect(line?.preflight.status).toBe('pass');
    expect(line?.preflight.checks.map((check) => check.id)).toEqual(['pixels', 'aspect', 'weight', 'format', 'colour', 'safe_zone']);
  });

  it('check exits non-zero when any file fails, and says why', async () => {
    const run = await runCli(['check', join(dir, 'good.jpg'), join(dir, 'wrong-format.webp'), '--placement', 'iab-300x250']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ format: WebP is not accepted here; use JPEG, PNG, GIF.');
  });

  it('check refuses an unknown placement id clearly', async () => {
    const run = await runCli(['check', join(dir, 'good.jpg'), '--placement', 'iab-1x1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No placement has the id "iab-1x1"');
  });

  it('specs --json lists every pack with a source and verified date per placement', async () => {
    const run = await runCli(['specs', '--json']);
    expect(run.code).toBe(0);
    const { packs } = JSON.parse(run.stdout) as { packs: Array<{ id: string; placements: Array<{ id: string; sources: Array<{ url: string; verified: string }> }> }> };
    expect(packs.map((pack) => pack.id)).toEqual(['iab', 'google-display', 'google-responsive', 'meta', 'youtube', 'linkedin', 'x', 'pinterest', 'dooh']);
    for (const placement of packs.flatMap((pack) => pack.placements)) expect(placement.sources[0]?.verified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
