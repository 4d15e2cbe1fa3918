import { readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { outputPathFor, type OutputPlacement, type RenderedImage } from '../output/writeRenderedOutputs';

/** When this process started: a temp file older than that was left by a process that died mid-write. */
const PROCESS_START_MS = performance.timeOrigin;

/**
 * Removes the hidden temp files (`.<name>.<12 hex>.tmp`, see writeOutputFile) that a killed earlier run left beside
 * these outputs. Only files older than this process are touched, so a write in flight here is never disturbed.
 * Best effort: a temp file that cannot be removed costs disk space, not correctness.
 */
export async function removeStaleOutputTemps(placement: OutputPlacement, images: readonly RenderedImage[]): Promise<void> {
  const byFolder = new Map<string, Set<string>>();
  for (const image of images) {
    const { path } = outputPathFor(placement, image);
    const names = byFolder.get(dirname(path)) ?? new Set<string>();
    names.add(Array.from(basename(path)).slice(0, 80).join(''));
    byFolder.set(dirname(path), names);
  }
  await Promise.all([...byFolder].map(([folder, names]) => removeInFolder(folder, names)));
}

async function removeInFolder(folder: string, names: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(folder).catch(() => [] as string[]);
  const stale = entries.filter((entry) => {
    const match = /^\.(.+)\.[0-9a-f]{12}\.tmp$/.exec(entry);
    return match !== null && names.has(match[1] ?? '');
  });
  await Promise.all(
    stale.map(async (entry) => {
      const path = join(folder, entry);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtimeMs < PROCESS_START_MS) await rm(path, { force: true }).catch(() => undefined);
    }),
  );
}
