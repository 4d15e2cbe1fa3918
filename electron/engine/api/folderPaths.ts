import { mkdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { SmartResizeError } from '../../domain/errors';

const EXAMPLE_PATH = process.platform === 'win32' ? 'C:\\Users\\you\\Incoming' : process.platform === 'darwin' ? '/Users/you/Incoming' : '/home/you/Incoming';

/**
 * The folder a person typed, as an absolute path: `~` and `~/x` are their home folder, `..` segments are resolved.
 * A relative path is refused: resolved against the host's working folder it would name some folder they never
 * meant (the server's, not theirs). `~name` (another user's home) is refused the same way.
 */
export function typedFolderPath(typed: string, homeDir: string): string {
  const text = typed.trim();
  if (text === '~' || text.startsWith('~/') || text.startsWith('~\\')) return resolve(join(homeDir, text.slice(1)));
  if (!isAbsolute(text)) {
    throw new SmartResizeError(
      'invalid_settings',
      `"${text}" is a relative path: enter the folder’s full path, like ${EXAMPLE_PATH}, or start it with ~/ for your home folder.`,
    );
  }
  return resolve(text);
}

/**
 * Makes sure `path` is an existing folder before it is watched. A missing folder is refused with `folder_not_found`
 * (the UI then offers to create it), or created with its parents when `create` is set; a file is refused.
 */
export async function ensureFolder(path: string, create: boolean): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new SmartResizeError('file_unreadable', `${path} cannot be read (${error.code ?? error.message}).`);
  });
  if (info?.isDirectory()) return;
  if (info) throw new SmartResizeError('invalid_settings', `${path} is a file, not a folder.`);
  if (!create) throw new SmartResizeError('folder_not_found', `${path} does not exist. Create it, or check the path.`);
  await mkdir(path, { recursive: true });
}
