import { spawn } from 'node:child_process';

/**
 * Opens a URL, file or folder with the platform's default opener. No shell is involved: the target is a single
 * argument, so nothing in it can run as a command. Failure is silent (callers print what they tried to open).
 */
export function openWithSystem(target: string): void {
  const [command, args]: [string, string[]] =
    process.platform === 'darwin' ? ['open', [target]] : process.platform === 'win32' ? ['explorer', [target]] : ['xdg-open', [target]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}
