import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FolderStatus } from '../../../electron/engine/watch/watchTypes';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { outputProblems } from '../../support/engine/outputChecks';
import { untilEngine } from '../../support/engine/engineWaits';
import { writeTestJpeg } from '../../support/engine/testImages';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('a watched folder that goes away and comes back', () => {
  it('goes to standby while gone, watches again when restored, and takes in what arrived meanwhile', async () => {
    harness = await startEngineHarness();
    const { engine, watched, root, folderId, store } = harness;
    const seen: FolderStatus[] = [];
    engine.events.on('folder', (status) => seen.push(status));
    const stateOf = () => engine.folderStatuses().find((status) => status.folderId === folderId)?.state;
    expect(stateOf()).toBe('watching');

    // Unplugged: the folder's path disappears (moved away whole, like a drive or share that went).
    const away = join(root, 'photos-unplugged');
    await rename(watched, away);
    await untilEngine(engine, () => (stateOf() === 'standby' ? true : undefined), { what: 'the folder in standby', describe: () => JSON.stringify(engine.folderStatuses()) });
    expect(engine.folderStatuses()[0]?.reason).toMatch(/not there/);
    // Meanwhile a file lands in it (on the other machine, say): no watcher can see it.
    await writeTestJpeg(join(away, 'while-away.jpg'), 700);
    expect(await harness.jobs()).toEqual([]);

    await rename(away, watched);
    await untilEngine(engine, () => (stateOf() === 'watching' ? true : undefined), { what: 'the folder watched again', describe: () => JSON.stringify(engine.folderStatuses()) });
    expect(seen.map((status) => status.state)).toEqual(expect.arrayContaining(['standby', 'watching']));
    expect(seen.findIndex((status) => status.state === 'watching')).toBeGreaterThan(seen.findIndex((status) => status.state === 'standby'));

    // The scan on return finds the file that arrived while away; a new drop is seen by the new watcher.
    await writeTestJpeg(join(watched, 'after-return.jpg'), 701);
    const jobs = await harness.waitForJobs(2, ['done', 'failed']);
    expect(jobs.map((job) => `${job.sourceName}:${job.state}`).sort()).toEqual(['after-return.jpg:done', 'while-away.jpg:done']);
    for (const job of jobs) expect(await outputProblems(await store.outputs.listOutputs(job.id))).toEqual([]);
  });
});
