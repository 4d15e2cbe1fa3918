import type * as FsPromises from 'node:fs/promises';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeOutputFile } from '../../../electron/engine/output';

// Simulates a FAT/exFAT drive or a share where hard links are refused, to exercise the exclusive-create path.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    link: async () => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    },
  };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sr-nolink-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeOutputFile without hard links', () => {
  it('still gives concurrent suffix writers distinct, complete files', async () => {
    const target = join(dir, 'same.png');
    const texts = Array.from({ length: 8 }, (_, i) => `writer ${i}`);
    const outcomes = await Promise.all(texts.map((text) => writeOutputFile(target, new TextEncoder().encode(text), 'suffix')));
    const paths = outcomes.map((outcome) => outcome.path);
    expect(new Set(paths).size).toBe(texts.length);
    expect(await Promise.all(paths.map((path) => readFile(path, 'utf8')))).toEqual(texts);
    expect(await readdir(dir)).toHaveLength(texts.length);
  });

  it('still skips an existing file', async () => {
    const target = join(dir, 'x.png');
    await writeFile(target, 'old');
    expect(await writeOutputFile(target, new TextEncoder().encode('new'), 'skip')).toEqual({ path: target, status: 'skipped' });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['x.png']);
  });
});
