import { mkdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { listFolder, realPlace } from './browseRoute';
import { BodyTooLargeError, readBody } from './readBody';
import { sendError, sendJson } from './respond';

/** Why a new folder's name is refused, or null for one plain, visible folder name. */
function folderNameRefusal(name: string): string | null {
  if (name.trim() === '') return 'Give the new folder a name.';
  if (name !== name.trim()) return 'A folder name cannot start or end with a space.';
  if (/[/\\\0]/.test(name)) return 'A folder name cannot contain / or \\.';
  if (name.startsWith('.')) return 'A folder name cannot start with a dot (such folders are hidden).';
  if (Buffer.byteLength(name) > 255) return 'That folder name is too long.';
  return null;
}

/**
 * POST /api/browse with `{parent, name}`: makes one new folder inside an allowed place (the parent's symlinks
 * resolved first, as for browsing) and answers its listing, so the folder browser can go straight into it.
 */
export async function handleCreateFolder(request: IncomingMessage, response: ServerResponse, rootDirs: readonly string[]): Promise<void> {
  let body: { parent?: unknown; name?: unknown };
  try {
    body = JSON.parse((await readBody(request, 8 * 1024)).toString('utf8')) as typeof body;
  } catch (error) {
    if (error instanceof BodyTooLargeError) sendError(response, 413, { code: 'too_large', message: error.message });
    else sendError(response, 400, { code: 'bad_json', message: 'The request body is not valid JSON.' });
    return;
  }
  const { parent, name } = body ?? {};
  if (typeof parent !== 'string' || typeof name !== 'string') {
    sendError(response, 400, { code: 'invalid_input', message: 'Say where the folder goes (parent) and its name.' });
    return;
  }
  const refusal = folderNameRefusal(name);
  if (refusal) {
    sendError(response, 400, { code: 'invalid_input', message: refusal });
    return;
  }
  const place = await realPlace(rootDirs, parent);
  if (place === 'outside') {
    sendError(response, 403, { code: 'outside_home', message: 'Folders can only be made inside your home folder, or a folder allowed with `serve --allow`.' });
    return;
  }
  if (place === 'missing') {
    sendError(response, 404, { code: 'folder_not_found', message: 'The folder to create it in does not exist or cannot be read.' });
    return;
  }
  const path = join(place.path, name);
  try {
    await mkdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') sendError(response, 409, { code: 'folder_exists', message: `A folder named "${name}" is already there.` });
    else sendError(response, 422, { code: 'folder_not_created', message: `The folder could not be created (${code ?? (error as Error).message}).` });
    return;
  }
  const listing = await listFolder(rootDirs, path);
  if (typeof listing === 'string') sendError(response, 500, { code: 'internal', message: 'The new folder could not be listed.' });
  else sendJson(response, 200, listing);
}
