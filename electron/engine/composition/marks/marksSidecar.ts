import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { UserMarks } from '../userMarks';
import { type SidecarMarks, marksFromXmp, marksToXmp, mergeMarksIntoXmp } from './xmpMarks';

/**
 * The XMP sidecar beside a source: its whole file name plus `.xmp` (`photo.jpg.xmp`, as darktable and digiKam name
 * them), so `photo.jpg` and `photo.png` in one folder never share one.
 */
export function sidecarPathFor(sourcePath: string): string {
  return `${sourcePath}.xmp`;
}

/** The marks in the source's sidecar, or undefined (no sidecar, none of ours in it, or unreadable). */
export async function readSidecarMarks(sourcePath: string): Promise<SidecarMarks | undefined> {
  const text = await readFile(sidecarPathFor(sourcePath), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : marksFromXmp(text);
}

/**
 * Writes the marks into the source's sidecar (created, or merged into another program's sidecar keeping its
 * data), through a temp file and a rename so a reader never sees half a file. Returns why it was not written
 * (a file of that name that is not XMP, a read-only folder), or undefined when it was.
 */
export async function writeSidecarMarks(sourcePath: string, marks: UserMarks, updatedAt: number): Promise<string | undefined> {
  const path = sidecarPathFor(sourcePath);
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : error));
  if (existing instanceof Error) return `the sidecar ${path} could not be read (${existing.message})`;
  const text = existing === undefined ? marksToXmp(marks, updatedAt) : mergeMarksIntoXmp(existing, marks, updatedAt);
  if (text === undefined) return `${path} exists and is not XMP, so it was left as it is`;
  // A hidden .tmp name: watchers and scans skip it as they skip half-written outputs.
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
    return undefined;
  } catch (error) {
    await rm(temp, { force: true });
    return `the sidecar ${path} could not be written (${(error as Error).message})`;
  }
}
