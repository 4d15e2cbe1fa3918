import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A running fake-UI server (tests/support/fakeApi/serveFakeUi.ts) and how to stop it. */
export interface FakeUiServer {
  /** The printed URL, carrying the launch token. */
  url: string;
  origin: string;
  stop(): Promise<void>;
}

/** Starts the fake-UI server on a free port and waits for the URL it prints. Needs the renderer built first. */
export async function startFakeUiServer(extraArgs: string[] = []): Promise<FakeUiServer> {
  if (!existsSync('out/renderer/index.html')) throw new Error('Build the renderer first: npx electron-vite build');
  // Node itself with tsx's loader, one process: through `npx tsx` the SIGTERM below stopped only npx, and the
  // server (with tsx's own wrapper) stayed running after every test run.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/support/fakeApi/serveFakeUi.ts', '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Fake Smart Resize UI: (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`The fake UI server exited (${code}) before printing its URL.`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
