import { mkdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { collectSourceFiles } from '../files/collectSourceFiles';
import { SmartResizeError } from '../../domain/errors';

/**
 * Which paths the callers of a host may name. The desktop host has none: a drop or a picked folder is the person's
 * own act. The headless host's callers only know paths it gave them (uploads, the folder browser, the folder list),
 * so it accepts nothing else: queued files must really be inside `sourceRoots`, watched folders inside `folderRoots`.
 * Roots are read at each call (watched folders change).
 */
export interface PathPolicy {
  /** Folders a queued file must be inside, symlinks followed (headless: the upload inbox and the watched folders). */
  sourceRoots(): readonly string[];
  /** Folders a watched folder must be inside, symlinks followed (headless: the folder browser's root). */
  folderRoots(): readonly string[];
  /** How the roots are named in refusals, e.g. "the upload inbox and the watched folders". */
  readonly describeSourceRoots: string;
  readonly describeFolderRoots: string;
  /** Where this host's uploads land (headless: the inbox): files queued from inside it are uploads, not drops. */
  readonly uploadRoot?: string;
}

/** The real location of a path: symlinks followed for the part that exists, the rest appended as named. */
async function realLocation(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = resolve(absolute, '..');
    return parent === absolute ? absolute : resolve(await realLocation(parent), relative(parent, absolute));
  }
}

/** True when `path`, symlinks followed, is one of `roots` or inside one. */
async function isInsideRoots(path: string, roots: readonly string[]): Promise<boolean> {
  const real = await realLocation(path);
  for (const root of roots) {
    const inside = relative(await realLocation(root), real);
    if (inside === '' || (inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside))) return true;
  }
  return false;
}

/**
 * Splits paths to queue into files the policy allows (named files, and the image files of named folders, each
 * checked after following symlinks, so a link inside an allowed folder cannot reach out) and refusals with reasons.
 * Paths that do not exist are passed on when inside the roots, so the engine reports them as it always does.
 */
export async function allowedQueuePaths(
  paths: readonly string[],
  policy: PathPolicy,
): Promise<{ allowed: string[]; refused: Array<{ path: string; reason: string }> }> {
  const roots = policy.sourceRoots();
  const allowed: string[] = [];
  const refused: Array<{ path: string; reason: string }> = [];
  const outside = (path: string) => refused.push({ path, reason: `${path}: only files in ${policy.describeSourceRoots} can be queued here.` });
  for (const path of paths) {
    if (!(await isInsideRoots(path, roots))) {
      outside(path);
      continue;
    }
    const isFolder = await stat(path).then((info) => info.isDirectory(), () => false);
    if (!isFolder) {
      allowed.push(resolve(path));
      continue;
    }
    for (const source of await collectSourceFiles([path], { recursive: true })) {
      if (source.kind === 'file' && !(await isInsideRoots(source.path, roots))) outside(source.path);
      else allowed.push(source.path);
    }
  }
  return { allowed, refused };
}

/** How a queued file came: `upload` when it lies in the policy's upload folder (the host put it there), else `drop`. */
export function queueOrigin(path: string, policy: PathPolicy | undefined): 'drop' | 'upload' {
  if (policy?.uploadRoot === undefined) return 'drop';
  const inside = relative(resolve(policy.uploadRoot), resolve(path));
  return inside !== '' && !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside) ? 'upload' : 'drop';
}

/** Refuses a watched folder outside the policy's folder roots (symlinks followed). */
export async function assertFolderAllowed(path: string, policy: PathPolicy | undefined): Promise<void> {
  if (!policy || (await isInsideRoots(path, policy.folderRoots()))) return;
  throw new SmartResizeError('path_not_allowed', `${resolve(path)} is outside ${policy.describeFolderRoots}: only folders inside it can be watched here.`);
}

/**
 * A dropped batch's own output folder: an absolute path inside the policy's folder roots (symlinks followed), made
 * if missing. Anything else is refused with the reason, before a job is queued.
 */
export async function checkedOutputFolder(path: string, policy: PathPolicy | undefined): Promise<string> {
  if (!isAbsolute(path)) throw new SmartResizeError('path_not_allowed', `"${path}" is not a full path: give the output folder's full path.`);
  if (policy && !(await isInsideRoots(path, policy.folderRoots()))) {
    throw new SmartResizeError('path_not_allowed', `${resolve(path)} is outside ${policy.describeFolderRoots}: outputs can only be written inside it here.`);
  }
  const info = await stat(path).catch(() => undefined);
  if (info && !info.isDirectory()) throw new SmartResizeError('invalid_settings', `${resolve(path)} is a file, not a folder.`);
  if (!info) {
    await mkdir(path, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new SmartResizeError('output_not_writable', `${resolve(path)} cannot be made (${error.code ?? error.message}).`);
    });
  }
  return resolve(path);
}
