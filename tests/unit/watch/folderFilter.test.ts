import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderFilter } from '../../../electron/engine/watch/folderFilter';

const root = '/data/photos';
const filter = new FolderFilter(root, () => [join(root, 'custom-out'), join(root, 'nested')]);

describe('FolderFilter', () => {
  it('takes image files and other files (refused later, with a trace), not temp, partial, system, dot, sidecar and output temp files', () => {
    expect(filter.isCandidateFile(join(root, 'a.JPG'))).toBe(true);
    expect(filter.isCandidateFile(join(root, 'sub', 'b.webp'))).toBe(true);
    expect(filter.isCandidateFile(join(root, 'notes.txt'))).toBe(true);
    expect(filter.isCandidateFile(join(root, 'scan.jp2'))).toBe(true);
    for (const name of ['a.jpg.part', 'a.jpg.crdownload', 'a.tmp', '~$a.png', '.DS_Store', 'Thumbs.db', '.hidden.png', '.a.png.1234.tmp', 'a.jpg.xmp', 'IMG_1.AAE']) {
      expect(filter.isCandidateFile(join(root, name)), name).toBe(false);
    }
  });

  it('never enters output folders, excluded folders or dot folders, but never ignores the root', () => {
    expect(filter.isIgnoredFolder(join(root, 'photos-1080x1080'))).toBe(true);
    expect(filter.isIgnoredFolder(join(root, 'sub', 'photos-20x30'))).toBe(true);
    expect(filter.isIgnoredFolder(join(root, 'custom-out'))).toBe(true);
    expect(filter.isIgnoredFolder(join(root, 'nested'))).toBe(true);
    expect(filter.isIgnoredFolder(join(root, '.git'))).toBe(true);
    expect(filter.isIgnoredFolder(join(root, 'sub'))).toBe(false);
    expect(filter.isIgnoredFolder(join(root, 'nested-not'))).toBe(false);
    expect(filter.isIgnoredFolder(root)).toBe(false);
    expect(filter.isCandidateFile(join(root, 'custom-out', 'x.png'))).toBe(false);
  });

  it('as chokidar matcher: without stats it keeps folders with plain names; with file stats it wants files to account for', () => {
    const ignored = filter.chokidarIgnored(false);
    const fileStats = { isFile: () => true };
    const folderStats = { isFile: () => false };
    expect(ignored(root)).toBe(false);
    expect(ignored(join(root, 'sub'))).toBe(false);
    expect(ignored(join(root, 'sub'), folderStats)).toBe(false);
    expect(ignored(join(root, 'notes.txt'), fileStats)).toBe(false);
    expect(ignored(join(root, 'a.png.xmp'), fileStats)).toBe(true);
    expect(ignored(join(root, 'a.png'), fileStats)).toBe(false);
    expect(ignored(join(root, 'photos-1080x1080'))).toBe(true);
    expect(ignored(join(root, 'a.png.part'))).toBe(true);
  });

  it('as a folders-only chokidar matcher: ignores every file, keeps the same folders', () => {
    const ignored = filter.chokidarIgnored(true);
    expect(ignored(join(root, 'a.png'), { isFile: () => true })).toBe(true);
    expect(ignored(join(root, 'sub'), { isFile: () => false })).toBe(false);
    expect(ignored(join(root, '.git'), { isFile: () => false })).toBe(true);
    expect(ignored(root)).toBe(false);
  });
});
