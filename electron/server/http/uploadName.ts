import { randomUUID } from 'node:crypto';
import { link, unlink } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { IMAGE_EXTENSIONS } from '../../engine/files/sourceFileNames';

// Characters Windows, macOS or shells treat specially, beside the control characters.
const RESERVED_CHARACTERS = '<>:"/\\|?*';

function replaceUnsafeCharacter(character: string): string {
  const code = character.charCodeAt(0);
  return code < 32 || code === 127 || RESERVED_CHARACTERS.includes(character) ? '_' : character;
}

/**
 * A safe file name from what the browser sent: no folders, no control or reserved characters, no leading dot
 * (dotfiles are ignored by intake), bounded length, and an image extension matching the sniffed type when the
 * name has none.
 */
export function safeUploadName(requested: string, sniffedExtension: string): string {
  const cleaned = Array.from(basename(requested.replaceAll('\\', '/')), replaceUnsafeCharacter)
    .join('')
    .replace(/^[.\s~$]+/, '')
    .trim()
    .slice(0, 150);
  const name = cleaned || 'upload';
  return IMAGE_EXTENSIONS.has(extname(name).toLowerCase()) ? name : `${name}.${sniffedExtension}`;
}

/** A temp name inside the inbox; the leading dot and `.part` make intake ignore it while it is written. */
export function temporaryUploadPath(inboxDir: string): string {
  return join(inboxDir, `.upload-${randomUUID()}.part`);
}

/**
 * Moves a finished temp file to `name` in the inbox, adding -1, -2, ... when taken. `link` fails when the target
 * exists, so two uploads with the same name can never overwrite each other.
 */
export async function publishUpload(tempPath: string, inboxDir: string, name: string): Promise<string> {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const target = join(inboxDir, attempt === 0 ? name : `${stem}-${attempt}${extension}`);
    try {
      await link(tempPath, target);
      await unlink(tempPath);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`Could not find a free name for ${name} in the inbox.`);
}
