import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { resolve } from 'node:path';
import type { FakeFalOptions } from '../tests/support/fakeFal';

/** The fake's queue timeline as the child reports it. */
export interface FakeFalStats {
  readonly jobs: ReadonlyArray<{ submittedAt: number; startedAt?: number; completedAt?: number }>;
  readonly submits: number;
  readonly statusPolls: number;
}

/** A fake fal server running in its own process (see fakeFalProcess.ts). */
export class RemoteFakeFal {
  private constructor(
    private readonly child: ChildProcess,
    private readonly lines: Interface,
    readonly url: string,
    readonly key: string,
  ) {}

  /** Starts the child with these fake options and resolves once it listens. */
  static async start(options: FakeFalOptions): Promise<RemoteFakeFal> {
    const entry = resolve(import.meta.dirname, 'fakeFalProcess.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', entry, JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout! });
    const first = await new Promise<string>((resolvePromise, reject) => {
      lines.once('line', resolvePromise);
      child.once('exit', (code) => reject(new Error(`the fake fal process exited (${code}) before listening`)));
    });
    const { url, key } = JSON.parse(first) as { url: string; key: string };
    return new RemoteFakeFal(child, lines, url, key);
  }

  /** The fake's queue timeline, submit count and status polls received. */
  stats(): Promise<FakeFalStats> {
    const answer = new Promise<string>((resolvePromise) => this.lines.once('line', resolvePromise));
    this.child.stdin!.write('stats\n');
    return answer.then((line) => JSON.parse(line) as FakeFalStats);
  }

  /** Closes the fake and waits for its process to end. */
  async close(): Promise<void> {
    const exited = new Promise((resolvePromise) => this.child.once('exit', resolvePromise));
    this.child.stdin!.end();
    await exited;
  }
}
