import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The files in the server's upload inbox, by name (hidden temp names left out): what a drop left there. */
export async function inboxFiles(dataDir: string): Promise<string[]> {
  return (await readdir(join(dataDir, 'inbox')).catch(() => [])).filter((name) => !name.startsWith('.')).sort();
}
