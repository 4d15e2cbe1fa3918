import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../../support/cli/runCli';
import { BUILTIN_PROFILES } from '../../../electron/engine/profiles';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smart-resize-cli-'));
  made.push(dir);
  return dir;
}
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('smart-resize profiles', () => {
  it('lists the built-in presets', async () => {
    const run = await runCli(['profiles', 'list', '--data', tempDir()]);
    expect(run.code).toBe(0);
    for (const name of ['Meta feed/stories', 'IAB display', 'YouTube', 'LinkedIn/X', 'Pinterest']) expect(run.stdout).toContain(name);
  });

  it('round-trips an import and an export through files, and the imported profile drives a resize', async () => {
    const data = tempDir();
    const file = join(tempDir(), 'banner.json');
    const exported = await runCli(['profiles', 'export', 'IAB display', '--data', data]);
    expect(exported.code).toBe(0);
    const document = JSON.parse(exported.stdout) as { profile: { name: string; sizes: unknown[]; output: { format: string } } };
    document.profile.name = 'Tiny banners';
    document.profile.sizes = [{ width: 320, height: 50, policy: 'local' }, { width: 300, height: 250, policy: 'local' }];
    document.profile.output.format = 'webp';
    writeFileSync(file, JSON.stringify(document));

    const imported = await runCli(['profiles', 'import', file, '--data', data, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).outcome).toBe('created');

    const again = join(tempDir(), 'again.json');
    expect((await runCli(['profiles', 'export', 'tiny banners', '--data', data, '--out', again])).code).toBe(0);
    const reexported = JSON.parse(readFileSync(again, 'utf8')) as typeof document;
    expect(reexported.profile.sizes).toEqual(document.profile.sizes);
    expect(reexported.profile.name).toBe('Tiny banners');

    const out = tempDir();
    const resized = await runCli(['resize', join(CORPUS, 'Landscape_1.jpg'), '--profile', 'Tiny banners', '--data', data, '--out', out, '--json']);
    expect(resized.code, resized.stderr).toBe(0);
    const [result] = jsonLines<{ outputs: Array<{ path: string; target: string }> }>(resized.stdout);
    expect(result?.outputs.map((o) => o.target)).toEqual(['320x50', '300x250']);
    for (const output of result?.outputs ?? []) {
      expect(output.path.endsWith('.webp')).toBe(true);
      expect((await sharp(output.path).metadata()).format).toBe('webp');
    }
  });

  it('refuses a broken import file with a reason and changes nothing', async () => {
    const data = tempDir();
    const file = join(tempDir(), 'broken.json');
    writeFileSync(file, '{"format":"smart-resize-profile","formatVersion":1,"profile":{"name":"x","sizes":[{"width":0,"height":5}]}}');
    const run = await runCli(['profiles', 'import', file, '--data', data]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('Size 1: the width must be at least 1 pixel.');
    expect(run.stderr).not.toMatch(/profile\.sizes|sizes\.0/);
    const list = await runCli(['profiles', 'list', '--data', data, '--json']);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(BUILTIN_PROFILES.length);
  });

  it('refuses a malformed --sizes value with a message that shows the right form', async () => {
    const run = await runCli(['resize', join(CORPUS, 'Landscape_1.jpg'), '--sizes', '1080by1080']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/WIDTHxHEIGHT/);
  });
});
