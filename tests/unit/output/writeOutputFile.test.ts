import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOutputTempFileName, writeOutputFile } from '../../../electron/engine/output';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sr-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (path: string) => readFile(path, 'utf8');
const listing = async (folder: string) => (await readdir(folder)).sort();

describe('writeOutputFile', () => {
  it('creates missing folders and writes the bytes, leaving no temp file', async () => {
    const target = join(dir, 'photos-1080x1080', 'sub dir', 'été 🎉.png');
    const outcome = await writeOutputFile(target, bytes('image'), 'suffix');
    expect(outcome).toEqual({ path: target, status: 'written' });
    expect(await read(target)).toBe('image');
    expect(await listing(join(dir, 'photos-1080x1080', 'sub dir'))).toEqual(['été 🎉.png']);
  });

  it('overwrite replaces an existing file', async () => {
    const target = join(dir, 'x.png');
    await writeFile(target, 'old');
    expect(await writeOutputFile(target, bytes('new'), 'overwrite')).toEqual({ path: target, status: 'written' });
    expect(await read(target)).toBe('new');
    expect(await listing(dir)).toEqual(['x.png']);
  });

  it('skip leaves an existing file alone and says so', async () => {
    const target = join(dir, 'x.png');
    await writeFile(target, 'old');
    expect(await writeOutputFile(target, bytes('new'), 'skip')).toEqual({ path: target, status: 'skipped' });
    expect(await read(target)).toBe('old');
    expect(await listing(dir)).toEqual(['x.png']);
    const fresh = join(dir, 'y.png');
    expect(await writeOutputFile(fresh, bytes('y'), 'skip')).toEqual({ path: fresh, status: 'written' });
  });

  it('suffix takes name, name-1, name-2 in turn', async () => {
    const target = join(dir, 'x.png');
    const paths = [];
    for (const text of ['a', 'b', 'c']) paths.push((await writeOutputFile(target, bytes(text), 'suffix')).path);
    expect(paths).toEqual([target, join(dir, 'x-1.png'), join(dir, 'x-2.png')]);
    expect(await Promise.all(paths.map(read))).toEqual(['a', 'b', 'c']);
    const noExtension = join(dir, 'plain');
    await writeOutputFile(noExtension, bytes('1'), 'suffix');
    expect((await writeOutputFile(noExtension, bytes('2'), 'suffix')).path).toBe(join(dir, 'plain-1'));
  });

  it('concurrent suffix writers to one name each get their own file', async () => {
    const target = join(dir, 'same.png');
    const texts = Array.from({ length: 12 }, (_, i) => `writer ${i}`);
    const outcomes = await Promise.all(texts.map((text) => writeOutputFile(target, bytes(text), 'suffix')));
    const paths = outcomes.map((outcome) => outcome.path);
    expect(new Set(paths).size).toBe(texts.length);
    expect(await Promise.all(paths.map(read))).toEqual(texts);
    expect((await listing(dir)).filter(isOutputTempFileName)).toEqual([]);
    expect(await listing(dir)).toHaveLength(texts.length);
  });

  it('concurrent skip writers: exactly one writes, the rest skip', async () => {
    const target = join(dir, 'once.png');
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => writeOutputFile(target, bytes(`w${i}`), 'skip')));
    const written = outcomes.filter((outcome) => outcome.status === 'written');
    expect(written).toHaveLength(1);
    expect(await read(target)).toBe(`w${outcomes.indexOf(written[0]!)}`);
    expect(await listing(dir)).toEqual(['once.png']);
  });

  it('concurrent overwrite writers leave one complete file', async () => {
    const target = join(dir, 'last.png');
    const texts = Array.from({ length: 8 }, (_, i) => `content-${i}`.repeat(1000));
    await Promise.all(texts.map((text) => writeOutputFile(target, bytes(text), 'overwrite')));
    expect(texts).toContain(await read(target));
    expect(await listing(dir)).toEqual(['last.png']);
  });

  it('fails with output_not_writable naming the folder, and leaves no temp file', async () => {
    await writeFile(join(dir, 'blocker'), 'a file where a folder should be');
    const target = join(dir, 'blocker', 'x.png');
    await expect(writeOutputFile(target, bytes('x'), 'suffix')).rejects.toMatchObject({
      code: 'output_not_writable',
      message: expect.stringContaining(join(dir, 'blocker')),
    });
    await mkdir(join(dir, 'x.png'));
    await expect(writeOutputFile(join(dir, 'x.png'), bytes('x'), 'overwrite')).rejects.toMatchObject({ code: 'output_not_writable' });
    expect((await listing(dir)).filter(isOutputTempFileName)).toEqual([]);
  });

  it('refuses a folder that leads outside the root through a symlink', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'sr-outside-'));
    try {
      await symlink(outside, join(dir, 'photos-1080x1080'));
      await expect(writeOutputFile(join(dir, 'photos-1080x1080', 'x.png'), bytes('x'), 'suffix', { root: dir })).rejects.toMatchObject({
        code: 'output_path_escape',
      });
      await expect(writeOutputFile(join(dir, 'photos-1080x1080', 'deeper', 'x.png'), bytes('x'), 'suffix', { root: dir })).rejects.toMatchObject({
        code: 'output_path_escape',
      });
      expect(await readdir(outside)).toEqual([]);
      const notYetThere = await writeOutputFile(join(dir, 'new root', 'a', 'x.png'), bytes('x'), 'suffix', { root: join(dir, 'new root') });
      expect(notYetThere.status).toBe('written');
      const inside = await writeOutputFile(join(dir, 'ok', 'x.png'), bytes('x'), 'suffix', { root: dir });
      expect(inside.status).toBe('written');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe('writeOutputFile with a root that must exist (a job on a share)', () => {
  it('makes the folders below the root', async () => {
    const target = join(dir, 'photos-1080x1080', 'Sale', 'banner.jpg');
    expect(await writeOutputFile(target, bytes('image'), 'suffix', { root: dir, rootMustExist: true })).toEqual({ path: target, status: 'written' });
    expect(await read(target)).toBe('image');
  });

  it('never makes the root again: a share gone is output_folder_gone, and nothing appears where it was', async () => {
    const share = join(dir, 'nas');
    const target = join(share, 'photos-1080x1080', 'banner.jpg');
    await expect(writeOutputFile(target, bytes('image'), 'suffix', { root: share, rootMustExist: true })).rejects.toMatchObject({
      code: 'output_folder_gone',
      message: `The folder the outputs go in, ${share}, is not there (drive unplugged or share lost?).`,
    });
    expect(await listing(dir)).toEqual([]);
  });
});

describe('isOutputTempFileName', () => {
  it('recognises the hidden temp names and nothing else', () => {
    expect(isOutputTempFileName('.x.png.a1b2c3.tmp')).toBe(true);
    expect(isOutputTempFileName('x.png')).toBe(false);
    expect(isOutputTempFileName('.hidden.png')).toBe(false);
    expect(isOutputTempFileName('report.tmp')).toBe(false);
  });
});
