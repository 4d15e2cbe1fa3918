import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { SmartResizeError } from '../../domain/errors';

/**
 * Reads a whole image file into memory, turning file-system failures into SmartResizeErrors a user understands.
 * Reading once into a buffer matters: the bytes are sniffed, probed and decoded without reopening the file, and an
 * SVG decoded from a buffer has no base path, so librsvg cannot resolve references to other local files.
 */
export async function readImageFile(path: string): Promise<Buffer> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw new SmartResizeError('not_a_file', `"${name}" is a folder or a special file, not an image file.`);
    }
    if (info.size === 0) {
      throw new SmartResizeError('empty_file', `"${name}" is empty (0 bytes): it may still be copying, or the copy failed.`);
    }
    const bytes = await readFile(path);
    if (bytes.length === 0) {
      throw new SmartResizeError('empty_file', `"${name}" is empty (0 bytes): it may still be copying, or the copy failed.`);
    }
    return bytes;
  } catch (error) {
    if (error instanceof SmartResizeError) throw error;
    throw fileSystemError(error, name);
  }
}

function fileSystemError(error: unknown, name: string): SmartResizeError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new SmartResizeError('file_not_found', `"${name}" was not found: it may have been moved or deleted.`, { cause: error });
  }
  if (code === 'EISDIR') {
    return new SmartResizeError('not_a_file', `"${name}" is a folder, not an image file.`, { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new SmartResizeError('file_unreadable', `"${name}" cannot be read: permission denied.`, { cause: error });
  }
  return new SmartResizeError('file_unreadable', `"${name}" cannot be read (${code ?? 'unknown error'}).`, { cause: error });
}
