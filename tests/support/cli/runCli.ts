import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/** The repository's own `smart-resize` entry, run as a user runs it (a separate Node process). */
export const CLI_ENTRY = resolve(import.meta.dirname, '../../../bin/smart-resize.js');

/** What one CLI run printed and how it exited. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `smart-resize ...args` in a child process and waits for it to exit (never throws on a non-zero exit). */
export function runCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolvePromise) => {
    execFile(process.execPath, [CLI_ENTRY, ...args], { env: { ...process.env, ...options.env }, cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** Parses `--json` output: one JSON object per line. */
export function jsonLines<T = Record<string, unknown>>(stdout: string): T[] {
  return stdout.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as T);
}
