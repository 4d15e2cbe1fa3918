import { readdir, realpath } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { dirname, join, resolve, sep } from 'node:path';
import type { BrowseListing } from '../../shared/transport';
import { sendError, sendJson } from './respond';

const MAX_ENTRIES = 2000;

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Lists the subfolders of `requested` (default: the first root, the home folder) for the browser's folder picker.
 * Symlinks are resolved first, so no path, link or `..` can show anything outside the allowed roots.
 */
export async function listFolder(rootDirs: readonly string[], requested: string | null): Promise<BrowseListing | 'outside' | 'missing'> {
  const place = await realPlace(rootDirs, requested);
  if (typeof place === 'string') return place;
  const { path, existing } = place;
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (!entries) return 'missing';
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => ({ name: entry.name, path: join(path, entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }))
    .slice(0, MAX_ENTRIES);
  return { path, parent: existing.includes(path) ? null : dirname(path), folders, roots: existing };
}

/** A requested folder with symlinks resolved, if it exists and is inside one of the (existing) roots. */
export async function realPlace(rootDirs: readonly string[], requested: string | null): Promise<{ path: string; existing: string[] } | 'outside' | 'missing'> {
  const roots = await Promise.all(rootDirs.map((root) => realpath(root).catch(() => null)));
  const existing = roots.filter((root): root is string => root !== null);
  const home = existing[0];
  if (home === undefined) return 'missing';
  let path: string;
  try {
    path = await realpath(resolve(home, requested || home));
  } catch {
    return 'missing';
  }
  return existing.some((root) => isInside(root, path)) ? { path, existing } : 'outside';
}

/** GET /api/browse?path=: one folder's subfolders, refused outside the allowed roots. */
export async function handleBrowse(response: ServerResponse, url: URL, rootDirs: readonly string[]): Promise<void> {
  const listing = await listFolder(rootDirs, url.searchParams.get('path'));
  if (listing === 'outside') {
    sendError(response, 403, { code: 'outside_home', message: 'Only folders inside your home folder, or allowed with `serve --allow`, can be browsed.' });
  } else if (listing === 'missing') sendError(response, 404, { code: 'folder_not_found', message: 'That folder does not exist or cannot be read.' });
  else sendJson(response, 200, listing);
}
