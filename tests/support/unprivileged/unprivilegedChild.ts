import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const CHECKOUT = resolve(import.meta.dirname, '../../..');
/** The user the children run as when the tests run as root (root reads any file, so it cannot test EACCES). */
const NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];

/** Where an unprivileged child runs from, and how to start it. */
export interface UnprivilegedChild {
  /** The folder holding the sources the child runs: the checkout, or a world-readable copy of what it needs. */
  readonly cwd: string;
  /** `node --import tsx <script> ...args`, as an unprivileged user when the tests run as root. */
  command(script: string, args: readonly string[]): string[];
  /** Removes the copy, if one was made. */
  dispose(): Promise<void>;
}

/**
 * Prepares to run a TypeScript child from this checkout as an unprivileged user. That user cannot read a checkout
 * under a private folder (a 0700 temp folder, root's home), and then `--import tsx` fails with "Cannot find package
 * 'tsx'": in that case the sources and the runtime packages are copied to a world-readable temp folder first.
 * Resolves to `{ skip: reason }` when even the copy cannot be run (say node itself lives in a private folder).
 */
export async function prepareUnprivilegedChild(): Promise<UnprivilegedChild | { skip: string }> {
  const prefix = process.getuid?.() === 0 ? NOBODY : [];
  const child = (cwd: string, dispose: () => Promise<void>): UnprivilegedChild => ({
    cwd,
    command: (script, args) => [...prefix, process.execPath, '--import', 'tsx', join(cwd, relative(CHECKOUT, script)), ...args],
    dispose,
  });
  if (prefix.length === 0 || (await canRunTsx(prefix, CHECKOUT)) === true) return child(CHECKOUT, async () => undefined);
  const copy = await copyRunnableCheckout();
  const verdict = await canRunTsx(prefix, copy);
  if (verdict === true) return child(copy, () => rm(copy, { recursive: true, force: true }));
  await rm(copy, { recursive: true, force: true });
  return { skip: `an unprivileged user cannot run node with tsx, even from a world-readable copy of the checkout: ${verdict}` };
}

/** True when the user can start `node --import tsx` in `cwd`, else what went wrong. */
async function canRunTsx(prefix: readonly string[], cwd: string): Promise<true | string> {
  try {
    await execFileAsync(prefix[0]!, [...prefix.slice(1), process.execPath, '--import', 'tsx', '-e', '0'], { cwd, timeout: 30_000 });
    return true;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    return stderr.split('\n').find((line) => /Error|denied/.test(line))?.trim() ?? (error as Error).message;
  }
}

/**
 * Copies the sources (electron/, tests/), package.json and the packages the app needs at run time (the lockfile's
 * non-dev entries: tsx, sharp, libsql, ...) to a new world-readable folder. About 85 MB, a second or so.
 */
async function copyRunnableCheckout(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'sr-checkout-'));
  await chmod(copy, 0o755);
  const lock = JSON.parse(await readFile(join(CHECKOUT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
  const packages = Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional)
    .map(([path]) => path);
  // A nested package (node_modules/a/node_modules/b) comes with its parent's folder.
  const tops = packages.filter((path) => !packages.some((other) => other !== path && path.startsWith(`${other}/`)));
  for (const path of ['package.json', 'electron', 'tests', ...tops]) {
    await cp(join(CHECKOUT, path), join(copy, path), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      // Platform packages of other systems are in the lockfile but not installed.
      if (error.code !== 'ENOENT') throw error;
    });
  }
  return copy;
}
