import { copyFile, mkdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { writeOutputFile } from '../output/writeOutputFile';

/**
 * Where the app keeps its own copy of each version of an output, in the data folder (never beside the outputs, so
 * watchers and the client's folders see only the chosen file): `versions/<job>/<WxH>-<image>/v<N>.<ext>`.
 */
export function keptPathFor(dataDir: string, ref: { jobId: string; target: string; imageIndex: number; version: number; outputPath: string }): string {
  return join(dataDir, 'versions', ref.jobId, `${ref.target}-${ref.imageIndex}`, `v${ref.version}${extname(ref.outputPath)}`);
}

/** Keeps these bytes as a version (written atomically). */
export async function keepBytes(keptPath: string, bytes: Uint8Array): Promise<void> {
  await writeOutputFile(keptPath, bytes, 'overwrite');
}

/** Keeps the output file as it is now as a version (the run's making, before its first fix replaces it). */
export async function keepFile(keptPath: string, outputPath: string): Promise<void> {
  await mkdir(join(keptPath, '..'), { recursive: true });
  await copyFile(outputPath, keptPath);
}
