import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../../support/cli/runCli';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const SIZES = ['1080x1080', '300x250', '1080x1920', '728x90'];

interface FileResult {
  source: string;
  status: 'done' | 'failed';
  outputs: Array<{ path: string; width: number; height: number; target: string }>;
  notes?: string[];
  error?: { code: string; message: string };
}

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smart-resize-cli-'));
  made.push(dir);
  return dir;
}
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Mean absolute difference per channel sample between two same-sized RGB images, 0..255. */
async function meanAbsDiff(a: Buffer | string, b: Buffer | string, width: number, height: number): Promise<number> {
  const toRaw = (input: Buffer | string) => sharp(input).resize(width, height, { fit: 'fill' }).removeAlpha().toColourspace('srgb').raw().toBuffer();
  const [x, y] = await Promise.all([toRaw(a), toRaw(b)]);
  let sum = 0;
  for (let i = 0; i < x.length; i += 1) sum += Math.abs((x[i] ?? 0) - (y[i] ?? 0));
  return sum / x.length;
}

describe('smart-resize resize over the whole corpus', () => {
  const corpusFiles = readdirSync(CORPUS).filter((name) => name !== 'README.md').sort();
  let results: FileResult[] = [];
  let exitCode = 0;

  it('gives every file exact-size outputs or a clear error, and exits non-zero because some failed', async () => {
    const out = tempDir();
    const run = await runCli(['resize', ...corpusFiles.map((name) => join(CORPUS, name)), '--sizes', SIZES.join(','), '--out', out, '--json']);
    exitCode = run.code;
    results = jsonLines<FileResult>(run.stdout);
    expect(results.map((result) => basename(result.source)).sort()).toEqual(corpusFiles);
    for (const result of results) {
      if (result.status === 'done') {
        expect(result.outputs.map((output) => output.target).sort()).toEqual([...SIZES].sort());
        for (const output of result.outputs) {
          const meta = await sharp(output.path).metadata();
          expect(`${meta.width}x${meta.height}`, output.path).toBe(output.target);
          expect(`${output.width}x${output.height}`).toBe(output.target);
        }
      } else {
        expect(result.error?.message.length, result.source).toBeGreaterThan(20);
        expect(result.error?.message, result.source).toContain(basename(result.source));
      }
    }
    expect(exitCode).not.toBe(0);
  });

  it('fails exactly the truncated and the giant file, each with its own reason', () => {
    const failed = Object.fromEntries(results.filter((r) => r.status === 'failed').map((r) => [basename(r.source), r.error]));
    expect(Object.keys(failed).sort()).toEqual(['giant-image.jpg', 'truncated.jpg']);
    expect(failed['giant-image.jpg']?.code).toBe('pixel_limit_exceeded');
    expect(failed['giant-image.jpg']?.message).toMatch(/pixel limit of 268,402,689/);
    expect(failed['truncated.jpg']?.code).toBe('truncated_image');
  });

  it('says which frame of the animated GIF it used', () => {
    const gif = results.find((r) => basename(r.source) === 'rotating-squares.gif');
    expect(gif?.notes?.join(' ')).toMatch(/frame 1/);
  });
});

describe('orientation and colour', () => {
  it('brings the EXIF-rotated photo out upright: its outputs match those of the unrotated one', async () => {
    const out = tempDir();
    // The unrotated twin is the same photo with its EXIF rotation applied and no orientation tag: the corpus's
    // Landscape_1 differs from Landscape_6 in the digit drawn on it, which text detection may keep differently.
    const twin = join(tempDir(), 'Landscape_6-upright.png');
    await sharp(join(CORPUS, 'Landscape_6.jpg')).rotate().png().toFile(twin);
    const run = await runCli(['resize', twin, join(CORPUS, 'Landscape_6.jpg'), '--sizes', '600x450,450x600,300x250', '--out', out, '--json']);
    expect(run.code).toBe(0);
    const [upright, rotated] = jsonLines<FileResult>(run.stdout);
    for (const [index, output] of (upright?.outputs ?? []).entries()) {
      const other = rotated?.outputs[index];
      expect(other?.target).toBe(output.target);
      const same = await meanAbsDiff(output.path, other?.path ?? '', 64, 64);
      // A sideways output would differ wildly: check that such a difference is what this measure reports.
      const sideways = await meanAbsDiff(output.path, await sharp(other?.path ?? '').rotate(90).resize(output.width, output.height, { fit: 'fill' }).toBuffer(), 64, 64);
      expect(same, output.target).toBeLessThan(8);
      expect(sideways, output.target).toBeGreaterThan(same * 3);
    }
  });

  it('converts the profile-less CMYK JPEG to sRGB without inverting it', async () => {
    const out = tempDir();
    const source = join(CORPUS, 'Channel_digital_image_CMYK_color_no_profile.jpg');
    const run = await runCli(['resize', source, '--sizes', '500x333', '--out', out, '--json']);
    expect(run.code).toBe(0);
    const [result] = jsonLines<FileResult>(run.stdout);
    const outputPath = result?.outputs[0]?.path ?? '';
    const reference = await sharp(source).toColourspace('srgb').removeAlpha().png().toBuffer();
    const inverted = await sharp(reference).negate({ alpha: false }).png().toBuffer();
    const toReference = await meanAbsDiff(outputPath, reference, 125, 83);
    const toInverted = await meanAbsDiff(outputPath, inverted, 125, 83);
    expect(toReference).toBeLessThan(12);
    expect(toInverted).toBeGreaterThan(40);
  });
});
