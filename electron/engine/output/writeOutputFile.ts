import { randomBytes } from 'node:crypto';
import { link, mkdir, open, realpath, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
import { SmartResizeError } from '../../domain/errors';
import type { CollisionPolicy } from '../../domain/outputFormats';

/** What happened to one output file. `path` is where it now is (with -N added under `suffix`). */
export interface WriteOutcome {
  readonly path: string;
  readonly status: 'written' | 'skipped';
}

/** Options for writeOutputFile. */
export interface WriteOptions {
  /** When given, the real folder (symlinks followed) must be inside this root, or the write is refused. */
  readonly root?: string;
  /**
   * The root is never made: only folders below it are. A job's output root is the folder its hot folder sits in
   * (the share, the drive), there when the job was made; gone, it was unmounted, and making its path again would
   * put the outputs on the local disk under the mount point. Refused with SmartResizeError('output_folder_gone').
   */
  readonly rootMustExist?: boolean;
}

/** Most suffixes tried before giving up; far beyond any real folder, it only stops a runaway loop. */
const MAX_SUFFIX = 10_000;

/** True for the hidden temp names writeOutputFile uses, so watchers and scans can ignore half-written outputs. */
export function isOutputTempFileName(fileName: string): boolean {
  return fileName.startsWith('.') && fileName.endsWith('.tmp');
}

/**
 * Writes an output without ever exposing a torn file: the bytes go to a hidden temp file in the same folder
 * (same file system, so the final step is atomic), are fsynced, and only then take the final name.
 * - overwrite: rename over whatever is there.
 * - skip: claim the name only if free (hard link fails with EEXIST when taken); otherwise report `skipped`.
 * - suffix: claim name, name-1, name-2 ... the same way, so concurrent writers never take the same name.
 * On failure the temp file is removed and SmartResizeError('output_not_writable') names the folder.
 */
export async function writeOutputFile(
  targetPath: string,
  bytes: Uint8Array,
  collision: CollisionPolicy,
  options: WriteOptions = {},
): Promise<WriteOutcome> {
  const folder = dirname(targetPath);
  // Checked before mkdir, so a link pointing outside cannot get folders created behind it.
  if (options.root) await assertRealFolderInside(folder, options.root);
  try {
    if (options.root && options.rootMustExist) await makeFoldersBelow(options.root, folder);
    else await mkdir(folder, { recursive: true });
  } catch (error) {
    throw error instanceof SmartResizeError ? error : notWritable(folder, error);
  }
  const tempPath = join(folder, `.${Array.from(basename(targetPath)).slice(0, 80).join('')}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeDurably(tempPath, bytes);
    const outcome = await placeFile(tempPath, targetPath, collision);
    await syncFolder(folder);
    return outcome;
  } catch (error) {
    await rm(tempPath, { force: true }).catch(() => undefined);
    throw error instanceof SmartResizeError ? error : notWritable(folder, error);
  }
}

/**
 * Makes the folders from `root` down to `folder`, one at a time, never `root` itself: a root gone (or gone between
 * two steps) fails the next step with ENOENT instead of being made again.
 */
async function makeFoldersBelow(root: string, folder: string): Promise<void> {
  const rootGone = () =>
    new SmartResizeError('output_folder_gone', `The folder the outputs go in, ${root}, is not there (drive unplugged or share lost?).`);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw rootGone();
  let dir = root;
  for (const segment of relative(root, folder).split(sep).filter((part) => part !== '')) {
    dir = join(dir, segment);
    try {
      await mkdir(dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw rootGone();
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }
}

async function placeFile(tempPath: string, targetPath: string, collision: CollisionPolicy): Promise<WriteOutcome> {
  if (collision === 'overwrite') {
    await rename(tempPath, targetPath);
    return { path: targetPath, status: 'written' };
  }
  if (collision === 'skip') {
    if (await claimName(tempPath, targetPath)) return { path: targetPath, status: 'written' };
    await unlink(tempPath);
    return { path: targetPath, status: 'skipped' };
  }
  const extension = extname(targetPath);
  const stem = targetPath.slice(0, targetPath.length - extension.length);
  for (let attempt = 0; attempt <= MAX_SUFFIX; attempt++) {
    const candidate = attempt === 0 ? targetPath : `${stem}-${attempt}${extension}`;
    if (await claimName(tempPath, candidate)) return { path: candidate, status: 'written' };
  }
  throw new SmartResizeError('output_not_writable', `Could not find a free name for ${targetPath} after ${MAX_SUFFIX} tries.`);
}

/**
 * Gives the temp file the final name only if nothing has it; false when taken. A hard link is an atomic
 * create-if-absent. File systems without hard links (FAT/exFAT drives, some shares) claim the name with an
 * exclusive create instead and rename over that empty placeholder: still race-free, never a torn image.
 */
async function claimName(tempPath: string, finalPath: string): Promise<boolean> {
  try {
    await link(tempPath, finalPath);
    await unlink(tempPath);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EXDEV'].includes(errorCode(error) ?? '')) throw error;
  }
  try {
    await (await open(finalPath, 'wx')).close();
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  await rename(tempPath, finalPath);
  return true;
}

async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the new name itself survive a power cut; Windows cannot open folders for this, so it is best effort. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

/** Refuses a folder that is inside the root by name but elsewhere in fact, through a symlink. */
async function assertRealFolderInside(folder: string, root: string): Promise<void> {
  const [realFolder, realRoot] = await Promise.all([realPathOf(folder), realPathOf(root)]).catch((error: unknown) => {
    throw notWritable(folder, error);
  });
  const fromRoot = relative(realRoot, realFolder);
  if (isAbsolute(fromRoot) || fromRoot === '..' || fromRoot.startsWith(`..${sep}`)) {
    throw new SmartResizeError('output_path_escape', `The output folder ${folder} leads outside ${root} (through a link to ${realFolder}).`);
  }
}

/** The path with links resolved, for a path that may not exist yet: its nearest existing ancestor is resolved. */
async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    const parent = dirname(path);
    if (parent === path || !['ENOENT', 'ENOTDIR'].includes(errorCode(error) ?? '')) throw error;
    return join(await realPathOf(parent), basename(path));
  }
}

function notWritable(folder: string, error: unknown): SmartResizeError {
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOTDIR: 'a file is in the way of a folder on the path',
    EEXIST: 'a file is in the way of a folder on the path',
    EISDIR: 'a folder has the name the file should get',
    ENAMETOOLONG: 'the file name is too long',
  };
  const code = errorCode(error);
  const reason = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return new SmartResizeError('output_not_writable', `Cannot write into the output folder ${folder}: ${reason}.`, { cause: error });
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
