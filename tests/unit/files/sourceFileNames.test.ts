import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectSourceFiles } from '../../../electron/engine/files/collectSourceFiles';
import { isCandidateImagePath, isIgnoredFileName, isWatchedFilePath } from '../../../electron/engine/files/sourceFileNames';

describe('source file names', () => {
  it.each(['photo.jpg', 'Photo.JPEG', 'été à Paris.png', 'scan.tiff', 'logo.svg', 'iphone.HEIC', 'a.webp', 'b.avif', 'c.gif'])('takes %s', (name) => {
    expect(isCandidateImagePath(`/x/${name}`)).toBe(true);
  });

  it.each(['.hidden.jpg', '~$draft.png', 'photo.jpg.part', 'photo.jpg.crdownload', 'x.tmp', '.DS_Store', 'Thumbs.db', 'notes.txt', 'photo', 'clip.mp4', 'x.jpg.download'])(
    'ignores %s',
    (name) => {
      expect(isCandidateImagePath(`/x/${name}`)).toBe(false);
    },
  );

  // A team's shared folder is often a sync client's (Dropbox, Google Drive, OneDrive): its partial downloads, its
  // cache and the copies it makes of a file two people changed at once are not work.
  it.each([
    '/share/in/photo.jpg.tmp.drivedownload',
    "/share/in/photo (Ana's conflicted copy 2026-12-01).jpg",
    '/share/in/photo (conflicted copy).JPG',
    '/share/in/.dropbox.cache/2026-12-01/photo.jpg',
    '/share/in/~$brief.png',
    '/share/in/photo.jpg.crdownload',
    '/share/in/photo.jpg.part',
    '/share/in/photo (Case Conflict).jpg',
    '/share/in/photo.sync-conflict-20261201-101010-ABCDEFG.jpg',
    '/share/in/.stversions/photo~20261201-101010.jpg',
  ])('ignores the sync client file %s (neither work nor a refusal to trace)', (path) => {
    expect(isCandidateImagePath(path)).toBe(false);
    expect(isWatchedFilePath(path)).toBe(false);
  });

  it.each(['/share/in/photo (copy).jpg', '/share/in/conflicted.jpg', '/share/in/copy of photo (2).png'])(
    'still takes %s, a name only resembling a sync client file',
    (path) => {
      expect(isCandidateImagePath(path)).toBe(true);
    },
  );

  it('treats the writer’s own temp files as ignored', () => {
    expect(isIgnoredFileName('.photo.png.4f2a.tmp')).toBe(true);
  });
});

describe('collectSourceFiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'smart-resize-collect-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'shoot', 'day 2'), { recursive: true });
  for (const name of ['b.jpg', 'a.png', 'notes.txt', '.hidden.jpg', 'c.jpg.part']) writeFileSync(join(root, 'shoot', name), 'x');
  writeFileSync(join(root, 'shoot', 'day 2', 'd.webp'), 'x');
  writeFileSync(join(root, 'odd.bin'), 'x');

  it('expands a folder to its images in name order, skipping temp and hidden files and (by default) subfolders', async () => {
    const found = await collectSourceFiles([join(root, 'shoot')]);
    expect(found).toEqual([
      { kind: 'file', path: join(root, 'shoot', 'a.png'), root: join(root, 'shoot') },
      { kind: 'file', path: join(root, 'shoot', 'b.jpg'), root: join(root, 'shoot') },
    ]);
  });

  it('descends into subfolders when recursive, keeping the named folder as the root', async () => {
    const found = await collectSourceFiles([join(root, 'shoot')], { recursive: true });
    expect(found.map((entry) => entry.path)).toContain(join(root, 'shoot', 'day 2', 'd.webp'));
    expect(found.every((entry) => entry.kind === 'file' && entry.root === join(root, 'shoot'))).toBe(true);
  });

  it('keeps an explicitly named file whatever its extension, and reports a missing path instead of throwing', async () => {
    const found = await collectSourceFiles([join(root, 'odd.bin'), join(root, 'nope.jpg')]);
    expect(found[0]).toEqual({ kind: 'file', path: join(root, 'odd.bin'), root });
    expect(found[1]).toMatchObject({ kind: 'missing', path: join(root, 'nope.jpg') });
    expect(found[1]?.kind === 'missing' && found[1].reason).toMatch(/no such file/);
  });
});
