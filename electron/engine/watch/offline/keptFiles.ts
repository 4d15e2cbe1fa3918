import { readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import type { FileSnapshot } from '../../intake/fileSnapshot';
import type { WatchOrigin } from '../watchTypes';

/** A stable file a hot folder found while the team database did not answer: what intake needs to take it later. */
export interface KeptFile {
  readonly path: string;
  readonly folderId: string;
  readonly origin: WatchOrigin;
  readonly size: number;
  readonly mtimeMs: number;
  /** When it was kept (epoch ms). */
  readonly keptAt: number;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The files found while the team database was not answering, kept in a JSON-lines file in this instance's data
 * folder, so they survive a restart (a scan at start would find them again only if they are still where they were).
 * A kept file is one appended, fsynced line; taking files out rewrites the file (temp name, fsync, rename). Writes
 * made in one turn share one flush. A torn last line (a crash mid-append) is skipped when the file is read.
 */
export class KeptFiles {
  private readonly entries = new Map<string, KeptFile>();
  private pendingLines: string[] = [];
  private needsRewrite = false;
  private waiters: Waiter[] = [];
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return; // Nothing kept yet.
    }
    for (const line of text.split('\n')) {
      const entry = parseLine(line);
      if (entry) this.entries.set(entry.path, entry);
    }
  }

  /** How many files are kept. */
  get count(): number {
    return this.entries.size;
  }

  /** Every kept file, oldest first. */
  list(): KeptFile[] {
    return [...this.entries.values()];
  }

  /** True when this path is kept with this size and mtime. */
  has(path: string, snapshot: FileSnapshot): boolean {
    const entry = this.entries.get(path);
    return entry !== undefined && entry.size === snapshot.size && entry.mtimeMs === snapshot.mtimeMs;
  }

  /** Keeps a file (replacing what was kept for its path); resolves once it is on disk. */
  keep(entry: KeptFile): Promise<void> {
    if (this.has(entry.path, entry)) return Promise.resolve();
    this.entries.delete(entry.path);
    this.entries.set(entry.path, entry);
    this.pendingLines.push(`${JSON.stringify(entry)}\n`);
    return this.persist();
  }

  /** Takes a file out (admitted, or deleted); resolves once that is on disk. */
  remove(path: string): Promise<void> {
    if (!this.entries.delete(path)) return Promise.resolve();
    this.needsRewrite = true;
    return this.persist();
  }

  private persist(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      this.chain = this.chain.then(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const waiters = this.waiters;
    const lines = this.pendingLines;
    const rewrite = this.needsRewrite;
    this.waiters = [];
    this.pendingLines = [];
    this.needsRewrite = false;
    try {
      // A rewrite writes every entry, the ones appended since the last flush included.
      if (rewrite) await writeSynced(`${this.file}.tmp`, [...this.entries.values()].map((e) => `${JSON.stringify(e)}\n`).join(''), 'w');
      if (rewrite) await rename(`${this.file}.tmp`, this.file);
      else if (lines.length > 0) await writeSynced(this.file, lines.join(''), 'a');
      waiters.forEach((waiter) => waiter.resolve());
    } catch (error) {
      waiters.forEach((waiter) => waiter.reject(error));
    }
  }
}

async function writeSynced(path: string, text: string, flags: 'w' | 'a'): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function parseLine(line: string): KeptFile | undefined {
  if (line.trim() === '') return undefined;
  try {
    const entry = JSON.parse(line) as Partial<KeptFile>;
    const complete = typeof entry.path === 'string' && typeof entry.folderId === 'string' && typeof entry.size === 'number' && typeof entry.mtimeMs === 'number';
    return complete ? (entry as KeptFile) : undefined;
  } catch {
    return undefined;
  }
}
