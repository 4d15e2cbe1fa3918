import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openJobStore, type JobRecord, type JobStore } from '../../../electron/engine/store';
import {
  HotFolderManager,
  type HotFolderManagerOptions,
  type WatchedFolderConfig,
  type WatchEvent,
  type WatchProfile,
} from '../../../electron/engine/watch';

/** Settle time of the watch tests: short, but well above the gaps of the slow writers below. */
const SETTLE_MS = 300;
const WAIT_LIMIT_MS = 15_000;

/** A watched folder config with test defaults. */
export function folderConfig(id: string, path: string, overrides: Partial<WatchedFolderConfig> = {}): WatchedFolderConfig {
  return { id, path, profileId: 'meta', enabled: true, recursive: true, polling: false, trusted: false, ...overrides };
}

/** A temp data folder with a real job store, a manager over it, and the events it emitted. */
export class WatchHarness {
  readonly events: WatchEvent[] = [];
  readonly profiles = new Map<string, WatchProfile>([
    ['meta', { id: 'meta', version: 1, provider: 'fal', name: 'Meta', sizes: [{ width: 1080, height: 1080 }] }],
  ]);
  manager!: HotFolderManager;
  store!: JobStore;
  private listeners: (() => void)[] = [];

  private constructor(readonly base: string) {}

  /** Makes the temp folders and the store; the manager is built with `options` but not started. */
  static async create(options: Partial<HotFolderManagerOptions> = {}): Promise<WatchHarness> {
    const harness = new WatchHarness(await mkdtemp(join(tmpdir(), 'watch-')));
    harness.store = openJobStore(join(harness.base, 'data'));
    harness.manager = new HotFolderManager({
      store: harness.store,
      resolveProfile: (id) => harness.profiles.get(id),
      settleMs: SETTLE_MS,
      standbyPollMs: 100,
      ...options,
      onEvent: (event) => {
        harness.events.push(event);
        harness.listeners.forEach((listener) => listener());
      },
    });
    return harness;
  }

  /** A new empty folder under the temp base. */
  async folder(...parts: string[]): Promise<string> {
    const path = join(this.base, ...parts);
    await mkdir(path, { recursive: true });
    return path;
  }

  /** Resolves with the first event (already emitted or future) matching; rejects after a generous limit. */
  waitFor<K extends WatchEvent['kind']>(kind: K, matches: (event: Extract<WatchEvent, { kind: K }>) => boolean = () => true): Promise<Extract<WatchEvent, { kind: K }>> {
    return this.waitForCount(kind, 1, matches).then((found) => found[0]!);
  }

  /** Resolves once `count` matching events exist. */
  waitForCount<K extends WatchEvent['kind']>(kind: K, count: number, matches: (event: Extract<WatchEvent, { kind: K }>) => boolean = () => true): Promise<Extract<WatchEvent, { kind: K }>[]> {
    const found = () => this.events.filter((event): event is Extract<WatchEvent, { kind: K }> => event.kind === kind && matches(event as Extract<WatchEvent, { kind: K }>));
    return new Promise((resolve, reject) => {
      const check = () => {
        const hits = found();
        if (hits.length < count) return false;
        this.listeners = this.listeners.filter((listener) => listener !== check);
        clearTimeout(timer);
        resolve(hits);
        return true;
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((listener) => listener !== check);
        reject(new Error(`Timed out waiting for ${count} ${kind} event(s); have ${found().length}. Events: ${JSON.stringify(this.events.map(brief))}`));
      }, WAIT_LIMIT_MS);
      if (!check()) this.listeners.push(check);
    });
  }

  /** Every job in the store. */
  async jobs(): Promise<JobRecord[]> {
    return (await this.store.history.queryJobs({ limit: 1000 })).jobs;
  }

  async close(): Promise<void> {
    await this.manager.stop();
    await this.store.close();
    await rm(this.base, { recursive: true, force: true });
  }
}

function brief(event: WatchEvent): string {
  if (event.kind === 'folder_status') return `${event.kind}:${event.status.folderId}:${event.status.state}`;
  if ('path' in event) return `${event.kind}:${event.path}`;
  return event.kind;
}
