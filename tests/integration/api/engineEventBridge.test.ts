import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../electron/engine/profiles';
import { Engine } from '../../../electron/engine/runtime/engine';
import { SettingsStore } from '../../../electron/engine/settings/settingsStore';
import type { ApiEvent } from '../../../electron/shared/schemas/events';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const root = mkdtempSync(join(tmpdir(), 'smart-resize-bridge-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bridgeEngineEvents', () => {
  it('sends job changes, queue counts and the folder’s new counts as a hot-folder job runs to done', async () => {
    const watched = join(root, 'photos');
    mkdirSync(watched);
    // The profile and the folder are in the data folder before the engine starts, as a person left them.
    const profile = new ProfileStore({ dataDir: join(root, 'data') }).create({ name: 'Small', sizes: [{ width: 200, height: 200, policy: 'local' }] });
    const folder = new SettingsStore(join(root, 'data')).addFolder({ path: watched, profileId: profile.id, enabled: true, recursive: false, polling: false, trusted: true });
    const engine = new Engine({ dataDir: join(root, 'data'), env: {}, timing: { settleMs: 100, tickMs: 50 } });
    const events: ApiEvent[] = [];
    const detach = engine.bridgeEvents((event) => events.push(event), 50);
    await engine.start();
    try {
      copyFileSync(join(CORPUS, 'Landscape_1.jpg'), join(watched, 'a.jpg'));
      const deadline = Date.now() + 30_000;
      // The three arrive on their own schedules (store-log tail, coalescing timers): wait for all of them.
      const folderDone = () =>
        events.some((event) => event.type === 'folder.changed' && event.folder.id === folder.id && event.folder.counts.done === 1);
      const jobDone = () => events.some((event) => event.type === 'job.changed' && event.job.state === 'done');
      const queueDone = () => events.some((event) => event.type === 'queue.changed' && event.queue.counts.done === 1);
      while (!(folderDone() && jobDone() && queueDone()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(folderDone()).toBe(true);
      expect(jobDone()).toBe(true);
      expect(queueDone()).toBe(true);
    } finally {
      detach();
      await engine.stop();
    }
  });

  it("forwards the engine's notices (a file it could not read) as `notice` events, until detached", async () => {
    const engine = new Engine({ dataDir: join(root, 'data-notices'), env: {} });
    const events: ApiEvent[] = [];
    const detach = engine.bridgeEvents((event) => events.push(event), 50);
    const notice = { kind: 'file', level: 'warning', message: '/photos/locked.jpg: permission denied', folderId: 'photos', path: '/photos/locked.jpg' } as const;
    engine.events.emit('notice', notice);
    detach();
    engine.events.emit('notice', { ...notice, message: 'after detach' });
    expect(events).toEqual([{ type: 'notice', notice }]);
    await engine.stop();
  });
});
