import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

/**
 * Streaming sha256 of a file's bytes, as lowercase hex: the content half of the job dedupe key. Streams in chunks,
 * so a 200 MB TIFF costs one read buffer, not its size in memory. Rejects with the fs error (ENOENT, EACCES, ...).
 */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}
