import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { JobOutputRecord } from '../../../electron/engine/store';
import type { FakeFal, RecordedRequest } from '../fakeFal';
import { uploadPrefixFor } from './testImages';

/** Every file under `root` (recursively), skipping folders whose name is in `skip`. */
function listFilesDeep(root: string, skip: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) {
      if (!skip.includes(entry.name)) found.push(...listFilesDeep(path, skip));
    } else found.push(path);
  }
  return found;
}

/** Hidden temp files the output writer uses (`.<name>.<random>.tmp`) left anywhere under `root`. */
export function findOutputTempFiles(root: string, skip: readonly string[] = []): string[] {
  return listFilesDeep(root, skip).filter((path) => /(^|[\\/])\.[^\\/]*\.tmp$/.test(path));
}

/**
 * Decodes a whole image file, every pixel, failing on any decoder warning (a torn file's "premature end of data"
 * included), and returns its real size. A file that only has a valid header fails here.
 */
export async function decodeFully(path: string): Promise<{ width: number; height: number }> {
  const { info } = await sharp(path, { failOn: 'warning' }).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height };
}

/** Problems with a job's recorded outputs: a file that does not decode fully, or whose pixels are not the target's. */
export async function outputProblems(outputs: readonly JobOutputRecord[]): Promise<string[]> {
  const problems: string[] = [];
  for (const output of outputs) {
    try {
      const { width, height } = await decodeFully(output.path);
      if (`${width}x${height}` !== output.target) problems.push(`${output.path}: ${width}x${height}, wanted ${output.target}`);
      if (output.width !== width || output.height !== height) problems.push(`${output.path}: recorded ${output.width}x${output.height}`);
    } catch (error) {
      problems.push(`${output.path}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** The submits the fake received for a source (matched on the upload's name, which carries the content hash). */
export function submitsForHash(fake: FakeFal, contentHash: string): RecordedRequest[] {
  const prefix = uploadPrefixFor(contentHash);
  return fake.requests({ route: 'submit' }).filter((record) => record.uploadFileName?.startsWith(prefix));
}
