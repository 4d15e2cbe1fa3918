import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../../support/cli/runCli';

// `resize` takes files through the same intake rule as a drop, an upload or a hot folder: a file whose name says it
// is not an image the app takes is refused with the app's own reason, even when its bytes would decode.

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const dir = mkdtempSync(join(tmpdir(), 'smart-resize-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resize refuses what intake refuses', () => {
  it('names the format it does not take, writes nothing for it, resizes the rest and exits non-zero', async () => {
    copyFileSync(join(CORPUS, 'Landscape_1.jpg'), join(dir, 'layered.psd'));
    writeFileSync(join(dir, 'notes.txt'), 'not an image');
    copyFileSync(join(CORPUS, 'Landscape_1.jpg'), join(dir, 'photo.jpg'));
    const out = join(dir, 'out');
    const run = await runCli(['resize', join(dir, 'layered.psd'), join(dir, 'notes.txt'), join(dir, 'photo.jpg'), '--sizes', '120x120', '--out', out, '--no-detect', '--json']);
    expect(run.code).toBe(1);
    const results = Object.fromEntries(jsonLines<{ source: string; status: string; error?: { code: string; message: string } }>(run.stdout).map((line) => [line.source, line]));
    expect(results[join(dir, 'layered.psd')]).toMatchObject({ status: 'failed', error: { code: 'unsupported_format', message: expect.stringMatching(/^layered\.psd: PSD files are not images the app can resize/) } });
    expect(results[join(dir, 'notes.txt')]).toMatchObject({ status: 'failed', error: { code: 'unsupported_format', message: expect.stringMatching(/^notes\.txt: TXT files are not images the app can resize/) } });
    expect(results[join(dir, 'photo.jpg')]?.status).toBe('done');
    const written = readdirSync(out, { recursive: true }).map(String);
    expect(written.filter((name) => name.includes('photo'))).not.toEqual([]);
    expect(written.filter((name) => name.includes('layered') || name.includes('notes'))).toEqual([]);
  });
});
