import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isCandidateImagePath, isIgnoredFileName } from './sourceFileNames';

/** One input named by the user: either a file to process, or a path that cannot be (with the reason). */
export type CollectedSource =
  | { readonly kind: 'file'; readonly path: string; /** The folder the user named (or the file's own folder): outputs mirror paths below it. */ readonly root: string }
  | { readonly kind: 'missing'; readonly path: string; readonly reason: string };

/**
 * Expands the paths a user named (CLI arguments, dropped items) into source files. Files named explicitly are kept
 * whatever their extension, so intake can say why an odd one is refused; folders contribute their image files
 * (recursively when asked), skipping temp, partial and hidden files. Order is stable (sorted per folder).
 */
export async function collectSourceFiles(paths: readonly string[], options: { recursive?: boolean } = {}): Promise<CollectedSource[]> {
  const collected: CollectedSource[] = [];
  for (const rawPath of paths) {
    const path = resolve(rawPath);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      collected.push({ kind: 'missing', path, reason: code === 'EACCES' ? `${path}: permission denied.` : `${path}: no such file or folder.` });
      continue;
    }
    if (info.isDirectory()) collected.push(...(await listFolderImages(path, path, options.recursive ?? false)));
    else collected.push({ kind: 'file', path, root: dirname(path) });
  }
  return collected;
}

async function listFolderImages(root: string, folder: string, recursive: boolean): Promise<CollectedSource[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const found: CollectedSource[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (recursive && !isIgnoredFileName(entry.name)) found.push(...(await listFolderImages(root, path, true)));
    } else if (isCandidateImagePath(path)) {
      found.push({ kind: 'file', path, root });
    }
  }
  return found;
}
