import { lstat, readdir, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { EngineParts } from '../runtime/engineParts';

/** What discarding a page's uploads did: how many files went, and those kept with why. */
export interface DiscardedUploads {
  readonly removed: number;
  readonly kept: { path: string; reason: string }[];
}

/**
 * Removes files a page uploaded for a drop it then did not queue (its confirmation cancelled), so a cancelled drop
 * leaves nothing in the inbox and Start uploads each file once. Only a regular file directly in this host's upload
 * inbox that is no job's source and no intake has seen goes: an upload handed to the queue is its job's source, and any other path is a
 * file the person keeps (the desktop host has no inbox: its drops are the person's own files, never removed).
 */
export async function discardUploads(engine: Pick<EngineParts, 'store'>, paths: readonly string[], uploadRoot: string | undefined): Promise<DiscardedUploads> {
  const inbox = uploadRoot === undefined ? undefined : resolve(uploadRoot);
  let removed = 0;
  const kept: { path: string; reason: string }[] = [];
  for (const path of new Set(paths.map((named) => resolve(named)))) {
    if (inbox === undefined || dirname(path) !== inbox) {
      kept.push({ path, reason: 'Not an upload in this app’s inbox: only uploads a drop did not queue are removed.' });
      continue;
    }
    // A job's source (a drop's, a copy's skipped record) or a file an intake has seen is the queue's now.
    if ((await engine.store.outputs.isJobFile(path)) || (await engine.store.seenFiles.getSeenFile(path))) {
      kept.push({ path, reason: 'Already handed to the queue: its job reads it.' });
      continue;
    }
    const kind = await lstat(path).catch(() => undefined);
    // Gone already: nothing left behind.
    if (kind === undefined) continue;
    if (!kind.isFile()) {
      kept.push({ path, reason: 'Not a file uploaded by the page.' });
      continue;
    }
    await unlink(path);
    removed += 1;
  }
  return { removed, kept };
}

/** How old an upload no drop queued must be before the sweep takes it: a question left open a day is abandoned. */
export const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;

/**
 * Removes what pages left in the inbox and never came back for: uploads of a drop whose tab was closed while it
 * asked to confirm the price, a browser gone mid-upload (its `.part` file). Only files at least `olderThanMs` old,
 * and only those `discardUploads` would remove (no job's source, nothing an intake has seen).
 */
export async function discardStaleUploads(
  engine: Pick<EngineParts, 'store'>,
  inboxDir: string,
  options: { olderThanMs: number; now: number },
): Promise<DiscardedUploads> {
  const stale: string[] = [];
  for (const name of await readdir(inboxDir).catch(() => [])) {
    const path = join(inboxDir, name);
    const info = await lstat(path).catch(() => undefined);
    if (info?.isFile() && options.now - info.mtimeMs >= options.olderThanMs) stale.push(path);
  }
  return discardUploads(engine, stale, inboxDir);
}
