import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostServices } from '../../../electron/engine/api/hostServices';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { VerbCallInput, VerbName, VerbOutput } from '../../../electron/shared';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { untilEngine } from '../../support/engine/engineWaits';
import { writeTestJpeg } from '../../support/engine/testImages';
import { jsonLines, runCli } from '../../support/cli/runCli';

// Issue 10 item 1: a copy of an image already made (under a new name, in the watched folder or dropped) leaves a
// visible `skipped` record naming the first job, counted on the folder card; "Make anyway" makes it a paid job.
// Before the fix the copy made no row at all: History, the folder counts and the `jobs` command never saw it.

const host: HostServices = { openPath: async () => undefined, revealPath: async () => undefined, pickFolder: async () => null, keyStorage: 'plaintext-fallback' };

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start() {
  harness = await startEngineHarness();
  const h = harness;
  const api = h.engine.api(host);
  const call = async <V extends VerbName>(verb: V, input?: VerbCallInput<V>): Promise<VerbOutput<V>> => {
    const result = await dispatchCall(api, verb, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as VerbOutput<V>;
  };
  const jobNamed = (name: string, states: readonly string[]) =>
    untilEngine(h.engine, async () => (await call('jobs.query', { limit: 100 })).items.find((job) => job.sourceName === name && states.includes(job.state)), {
      what: `${name} in ${states.join('/')}`,
    });
  return { h, call, jobNamed };
}

describe('a copy of an image already made', () => {
  it('in the watched folder and in a drop is recorded as skipped, naming the first job, counted on the folder card', async () => {
    const { h, call, jobNamed } = await start();
    await writeTestJpeg(join(h.watched, 'first.jpg'), 7);
    const first = await jobNamed('first.jpg', ['done']);

    await copyFile(join(h.watched, 'first.jpg'), join(h.watched, 'copy.jpg'));
    const skipped = await jobNamed('copy.jpg', ['skipped']);
    expect(skipped.duplicateOf).toEqual({ id: first.id, sourceName: 'first.jpg', state: 'done', finishedAt: first.finishedAt });
    expect(skipped.outputs).toEqual([]);
    expect(skipped.costCents).toBeNull();

    const dropped = join(h.root, 'dropped copy.jpg');
    await copyFile(join(h.watched, 'first.jpg'), dropped);
    const drop = await call('jobs.enqueuePaths', { paths: [dropped], profileId: h.profile.id });
    expect(drop.jobIds).toEqual([]);
    expect(drop.skipped).toEqual([{ path: dropped, reason: expect.stringContaining('first.jpg') }]);
    const droppedRecord = await jobNamed('dropped copy.jpg', ['skipped']);
    expect(droppedRecord.duplicateOf?.id).toBe(first.id);

    // Seen again (a rescan, the same drop twice): still one record per copy.
    await h.engine.rescanFolders();
    await call('jobs.enqueuePaths', { paths: [dropped], profileId: h.profile.id });
    const all = (await call('jobs.query', { limit: 100 })).items;
    expect(all.map((job) => `${job.sourceName}:${job.state}`).sort()).toEqual(['copy.jpg:skipped', 'dropped copy.jpg:skipped', 'first.jpg:done']);

    const [folder] = await call('folders.list');
    expect(folder!.counts).toMatchObject({ waiting: 0, done: 1, failed: 0, skipped: 1 });
    expect(h.fake.requests({ route: 'submit' })).toHaveLength(1);

    // The `jobs` command lists the same, skipped duplicates naming the job they duplicate.
    const listed = await runCli(['jobs', '--json', '--data', h.dataDir]);
    expect(listed.code, listed.stderr).toBe(0);
    const lines = jsonLines<{ id: string; source: { name: string }; status: string; duplicateOf: { id: string } | null; outputs: unknown[]; error: unknown }>(listed.stdout);
    expect(lines.map((line) => `${line.source.name}:${line.status}`).sort()).toEqual(['copy.jpg:skipped', 'dropped copy.jpg:skipped', 'first.jpg:done']);
    expect(lines.find((line) => line.source.name === 'copy.jpg')!.duplicateOf?.id).toBe(first.id);
    expect(lines.find((line) => line.source.name === 'first.jpg')!.outputs).toHaveLength(2);
    const onlySkipped = jsonLines<{ status: string }>((await runCli(['jobs', '--json', '--status', 'skipped', '--data', h.dataDir])).stdout);
    expect(onlySkipped.map((line) => line.status)).toEqual(['skipped', 'skipped']);
    const future = await runCli(['jobs', '--json', '--since', '2999-01-01', '--data', h.dataDir]);
    expect(future.stdout.trim()).toBe('');
  });

  it('"Make anyway" turns the skipped record into a new paid job, which fal is asked for again', async () => {
    const { h, call, jobNamed } = await start();
    await writeTestJpeg(join(h.watched, 'first.jpg'), 8);
    await jobNamed('first.jpg', ['done']);
    await copyFile(join(h.watched, 'first.jpg'), join(h.watched, 'again.jpg'));
    const skipped = await jobNamed('again.jpg', ['skipped']);

    const made = await call('jobs.makeAnyway', { id: skipped.id });
    expect(made.id).toBe(skipped.id);
    const done = await jobNamed('again.jpg', ['done']);
    expect(done.outputs).toHaveLength(2);
    // The harness profile's two sizes in one request: two images (below 4K) at 15 cents and the 5 cent vision fee.
    expect(done.costCents).toBe(2 * 15 + 5);
    expect(h.fake.requests({ route: 'submit' })).toHaveLength(2);
    await expect(call('jobs.makeAnyway', { id: skipped.id })).rejects.toThrow(/not skipped/);
  });
});
