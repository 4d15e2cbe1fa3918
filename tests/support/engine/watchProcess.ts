import { spawn, type ChildProcess } from 'node:child_process';
import { ProfileStore, type Profile, type ProfileInput } from '../../../electron/engine/profiles';
import type { SettingsPatch } from '../../../electron/engine/settings/settingsSchema';
import { SettingsStore } from '../../../electron/engine/settings/settingsStore';
import { CLI_ENTRY } from '../cli/runCli';
import type { FakeFal } from '../fakeFal';
import { pollUntil } from './pollUntil';

/** Writes settings and creates a profile in a data folder before a `watch` process is started on it. */
export function prepareWatchData(dataDir: string, profile: ProfileInput, settings: SettingsPatch = {}): Profile {
  new SettingsStore(dataDir).update(settings);
  return new ProfileStore({ dataDir }).create(profile);
}

/** Bound on a `watch` process's start (tsx compiles the CLI first); reached only by a hang. */
const START_DEADLINE_MS = 180_000;
/** Bound on waiting for a line of output. */
const OUTPUT_DEADLINE_MS = 120_000;

/** A running `smart-resize watch` child process talking to the fake fal server through its proxy form. */
export class WatchProcess {
  private output = '';
  /** How the process ended, once it has. */
  private exitedWith: string | undefined;
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.once('exit', (code, signal) => (this.exitedWith = signal ?? `code ${String(code)}`));
  }

  /**
   * Starts `watch <folder> --profile NAME --data DIR` with the fake's key in FAL_KEY and its proxy in FAL_PROXY_URL
   * (the route a user without a gateway takes), and resolves once the folder is being watched.
   */
  static async start(options: {
    folder: string;
    profile: string;
    dataDir: string;
    /** The fake fal (in this process, or the benchmarks' own process): its key and proxy URL. */
    fake: Pick<FakeFal, 'key' | 'proxyUrl'>;
    /** More `watch` options, e.g. `['--store', url, '--instance', name, '--trusted']`. */
    args?: readonly string[];
    /** More environment, e.g. `SMART_RESIZE_LEASE_MS`. */
    env?: NodeJS.ProcessEnv;
  }): Promise<WatchProcess> {
    const env: NodeJS.ProcessEnv = { ...process.env, FAL_KEY: options.fake.key, FAL_PROXY_URL: options.fake.proxyUrl };
    delete env.FAL_KEY_ID;
    delete env.FAL_KEY_SECRET;
    delete env.SMART_RESIZE_DATA;
    delete env.SMART_RESIZE_STORE;
    Object.assign(env, options.env);
    const args = [CLI_ENTRY, 'watch', options.folder, '--profile', options.profile, '--data', options.dataDir, ...(options.args ?? [])];
    const child = spawn(process.execPath, args, {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const watch = new WatchProcess(child);
    // Each process compiles the CLI through tsx first: tens of seconds when several start at once on a loaded
    // machine (61 s seen at load 13). The deadline only bounds a hang; a process that dies fails at once.
    await watch.waitForOutput(/: watching/, START_DEADLINE_MS);
    return watch;
  }

  /** Everything the process printed so far (stdout and stderr). */
  get text(): string {
    return this.output;
  }

  /**
   * Resolves when the output matches `pattern`; rejects at once if the process exits first (it never will match),
   * else after `timeoutMs`, a bound generous enough for a machine at load 10+.
   */
  waitForOutput(pattern: RegExp, timeoutMs = OUTPUT_DEADLINE_MS): Promise<true> {
    return pollUntil(() => {
      if (pattern.test(this.output)) return true;
      if (this.exitedWith) throw new Error(`The watch process exited (${this.exitedWith}) before printing ${pattern}:\n${this.output.slice(-2000)}`);
      return undefined;
    }, {
      timeoutMs,
      what: `watch output matching ${pattern}`,
      describe: () => this.output.slice(-2000),
    });
  }

  /** kill -9: no handler runs, nothing is flushed or closed. Resolves once the process is gone. */
  async kill9(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /**
   * SIGSTOP: the process stays alive but runs nothing (no lease renewal, no work), as a machine starving it would
   * leave it; `thaw` lets it go on where it stopped.
   */
  freeze(): void {
    this.child.kill('SIGSTOP');
  }

  /** SIGCONT after {@link freeze}. */
  thaw(): void {
    this.child.kill('SIGCONT');
  }

  /** Sends SIGKILL at once, without waiting: for use inside a file-system event handler, where every ms counts. */
  killNow(): void {
    this.child.kill('SIGKILL');
  }

  /** Ctrl-C: the command stops the engine cleanly. Resolves with the exit code. */
  async interrupt(): Promise<number | null> {
    this.child.kill('SIGINT');
    return (await this.exited).code;
  }

  /** Resolves when the process has exited, however it ended. */
  async exit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exited;
  }
}
