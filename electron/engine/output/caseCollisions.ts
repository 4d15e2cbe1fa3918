import { readdir } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { SmartResizeError } from '../../domain/errors';
import type { OutputNameRegistry } from '../store/outputNames';
import { foldName } from './foldedName';

/** Most " (N)" names tried; far beyond any real folder, it only stops a runaway loop. */
const MAX_TWINS = 1000;

/**
 * The name an output takes so that it never lands on another output's name as a case-insensitive share (SMB, macOS,
 * Windows) sees names, even when this instance writes to a case-sensitive disk: `Banner.jpg` and `banner.JPG` give
 * `banner.jpg` and `banner (2).jpg`. A name belongs to the first source to claim its folded form in the store (two
 * instances writing at once agree: the store's unique key decides), or to a file already there spelled otherwise;
 * the name given is recorded, so a re-run of the same source reuses it. A file at exactly this name is left to the
 * profile's collision policy, as before.
 */
export async function outputNameFor(registry: OutputNameRegistry, sourcePath: string, desiredPath: string, root: string): Promise<string> {
  const given = await registry.findName(sourcePath, desiredPath);
  if (given) return given;
  for (let twin = 1; twin <= MAX_TWINS; twin += 1) {
    const candidate = twin === 1 ? desiredPath : numberedTwin(desiredPath, twin);
    if (await hasTwinOnDisk(candidate, root)) continue;
    const claimed = await registry.claimName({ sourcePath, desiredPath, path: candidate, foldedPath: foldName(candidate) });
    if (claimed) return claimed;
  }
  throw new SmartResizeError('output_not_writable', `Could not find a free name for ${desiredPath} after ${MAX_TWINS} tries.`);
}

/** `banner (2).jpg`: the suffix Finder and Explorer give a copy, apart from the "-2" of a size's second image. */
function numberedTwin(path: string, twin: number): string {
  const extension = extname(path);
  return `${path.slice(0, path.length - extension.length)} (${twin})${extension}`;
}

/**
 * True when a file under `root` has the same folded path as `candidate` but another spelling (`Sale/Banner.jpg`
 * beside `sale/banner.jpg`): on a case-insensitive share they are one file. Folders are matched the same way.
 */
async function hasTwinOnDisk(candidate: string, root: string): Promise<boolean> {
  const segments = relative(root, candidate).split(sep);
  // Each folder spelling that folds to the path so far, with whether it is spelled exactly as the candidate.
  let level: { dir: string; exact: boolean }[] = [{ dir: root, exact: true }];
  for (const [index, segment] of segments.entries()) {
    const folded = foldName(segment);
    const next: { dir: string; exact: boolean }[] = [];
    for (const { dir, exact } of level) {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        if (foldName(name) !== folded) continue;
        const spelledSo = exact && name === segment;
        if (index === segments.length - 1 && !spelledSo) return true;
        next.push({ dir: join(dir, name), exact: spelledSo });
      }
    }
    level = next;
    if (level.length === 0) return false;
  }
  return false;
}
