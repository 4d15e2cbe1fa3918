import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderConfig, WatchHarness } from './watchHarness';

/** inotify watches this process holds (Linux): one line per watch in the inotify fds' fdinfo. */
function inotifyWatches(): number {
  let count = 0;
  for (const fd of readdirSync('/proc/self/fdinfo')) {
    try {
      count += readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').match(/^inotify wd:/gm)?.length ?? 0;
    } catch {
      // The fd closed while listing.
    }
  }
  return count;
}

describe.runIf(process.platform === 'linux')('what watching costs the OS', () => {
  let harness: WatchHarness;
  afterEach(() => harness?.close());

  it('holds one inotify watch per folder, not per file, and still sees file events', async () => {
    harness = await WatchHarness.create();
    const inbox = await harness.folder('inbox');
    await harness.folder('inbox', 'sub');
    await Promise.all(Array.from({ length: 300 }, (_, i) => writeFile(join(inbox, `old-${i}.jpg`), `old ${i}`)));
    const before = inotifyWatches();
    await harness.manager.setFolders([folderConfig('f1', inbox)]);
    await harness.manager.start();
    expect(inotifyWatches() - before).toBe(2);

    await writeFile(join(inbox, 'sub', 'new.png'), 'new');
    await harness.waitFor('job_created', (event) => event.path.endsWith('new.png'));
    expect(await harness.jobs()).toHaveLength(301);
  });
});
