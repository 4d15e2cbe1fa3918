import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { watch, type ChokidarOptions } from 'chokidar';
import { afterEach, describe, expect, it } from 'vitest';
import { folderConfig, WatchHarness } from './watchHarness';

describe('hot folders on network shares', () => {
  let harness: WatchHarness;
  afterEach(() => harness?.close());

  /** A harness whose folders under `share` are on a cifs mount, recording how chokidar was asked to watch. */
  async function withShare(): Promise<{ share: string; local: string; usedPolling: Map<string, boolean | undefined> }> {
    const usedPolling = new Map<string, boolean | undefined>();
    harness = await WatchHarness.create({
      pollingIntervalMs: 100,
      networkShare: async (path) => (path.includes('/share') ? 'cifs' : undefined),
      watchFactory: (paths, options?: ChokidarOptions) => {
        usedPolling.set(String(paths), options?.usePolling);
        return watch(paths, options);
      },
    });
    return { share: await harness.folder('share'), local: await harness.folder('local'), usedPolling };
  }

  it('polls a folder on a network share unless the person chose, says so in its status, and takes its files', async () => {
    const { share, local, usedPolling } = await withShare();
    await harness.manager.setFolders([folderConfig('net', share, { polling: null }), folderConfig('disk', local, { polling: null })]);
    await harness.manager.start();

    expect(usedPolling.get(share)).toBe(true);
    expect(usedPolling.get(local)).toBe(false);
    expect(harness.manager.statuses().map((status) => [status.folderId, status.state, status.method])).toEqual([
      ['net', 'watching', 'network_polling'],
      ['disk', 'watching', 'events'],
    ]);
    await writeFile(join(share, 'from-nas.jpg'), Buffer.from('bytes from another computer '.repeat(20)));
    const { job } = await harness.waitFor('job_created');
    expect(job).toMatchObject({ sourceName: 'from-nas.jpg', origin: 'folder' });
  });

  it('keeps change events on a share when the person turned polling off, and says the scan finds the rest', async () => {
    const { share, usedPolling } = await withShare();
    await harness.manager.setFolders([folderConfig('net', share, { polling: false })]);
    await harness.manager.start();

    expect(usedPolling.get(share)).toBe(false);
    const [status] = harness.manager.statuses();
    expect(status).toMatchObject({ state: 'watching', method: 'events' });
    expect(status?.reason).toMatch(/network share \(cifs\) and polling is off/);
  });

  it('polls a local folder when the person chose polling (not a network share)', async () => {
    const { local, usedPolling } = await withShare();
    await harness.manager.setFolders([folderConfig('disk', local, { polling: true })]);
    await harness.manager.start();
    expect(usedPolling.get(local)).toBe(true);
    expect(harness.manager.statuses()[0]).toMatchObject({ method: 'polling' });
  });

  it("reads this machine's mount table by default: a temp folder on a local disk keeps change events", async () => {
    harness = await WatchHarness.create();
    const inbox = await harness.folder('inbox');
    await harness.manager.setFolders([folderConfig('f1', inbox, { polling: null })]);
    await harness.manager.start();
    expect(harness.manager.statuses()[0]).toMatchObject({ state: 'watching', method: 'events' });
  });
});
