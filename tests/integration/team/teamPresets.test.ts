import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { HostServices } from '../../../electron/engine/api/hostServices';
import { Engine } from '../../../electron/engine/runtime/engine';
import { openPostgresStore } from '../../../electron/engine/store/postgres/pgJobStore';
import type { SettingsPatch } from '../../../electron/engine/settings/settingsSchema';
import { SettingsStore } from '../../../electron/engine/settings/settingsStore';
import type { Folder, Job, JobPage, Profile, Settings } from '../../../electron/shared';
import { HARNESS_TIMING } from '../../support/engine/engineHarness';
import { pollUntil } from '../../support/engine/pollUntil';
import { writeTestJpeg } from '../../support/engine/testImages';
import { freshDatabase } from '../../support/postgres/freshDatabase';

const host: HostServices = { openPath: async () => {}, revealPath: async () => {}, pickFolder: async () => null, keyStorage: 'plaintext-fallback' };
const engines: Engine[] = [];
const roots: string[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

type Call = <T>(verb: string, input?: unknown) => Promise<T>;

/** One instance of the team: its own data folder and local settings, the team's database, no fal key (all local). */
async function instance(url: string, root: string, name: string, settings: SettingsPatch, presetPollMs = 100): Promise<{ engine: Engine; call: Call }> {
  const dataDir = join(root, `data-${name}`);
  new SettingsStore(dataDir).update(settings);
  const engine = new Engine({ dataDir, env: {}, store: url, instance: name, timing: { ...HARNESS_TIMING, presetPollMs } });
  engines.push(engine);
  await engine.start();
  const handlers = engine.api(host);
  const call: Call = async <T>(verb: string, input?: unknown) => {
    const result = await dispatchCall(handlers, verb, input);
    if (!result.ok) throw new Error(`${verb}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  return { engine, call };
}

const draft = (sizes: { width: number; height: number }[]) => ({
  name: 'Team feed',
  sizes: sizes.map((size) => ({ ...size, policy: 'local' })),
  output: { format: 'jpeg', quality: 80 },
  naming: { template: '{name}.{ext}', collision: 'suffix' },
  fal: { prompt: '', numImagesPerSize: 1, resolution: '1K', safetyTolerance: '4' },
});

const jobsOf = async (call: Call) => (await call<JobPage>('jobs.query', { limit: 50 })).items;

describe('team presets on one PostgreSQL database', () => {
  it("shares a profile and a folder: an edit on A is used by B's next job, and each instance's local settings stay its own", async () => {
    const url = await freshDatabase(inject('pgUrl'));
    const root = mkdtempSync(join(tmpdir(), 'team-presets-'));
    roots.push(root);
    const nas = join(root, 'nas-in');
    const ownOfA = join(root, 'a-only');
    mkdirSync(nas);
    mkdirSync(ownOfA);
    const a = await instance(url, root, 'studio-a', { concurrency: 3, closeToTray: false });
    const b = await instance(url, root, 'studio-b', { concurrency: 1 });

    // A makes a profile and shares it, with a folder on the share (switched off on A: B does the work here), and
    // keeps a folder of its own.
    const made = await a.call<Profile>('profiles.create', { draft: draft([{ width: 300, height: 300 }]) });
    expect((await a.call<Profile>('profiles.share', { id: made.id })).shared).toBe(true);
    const folder = await a.call<Folder>('folders.add', { path: nas, profileId: made.id, enabled: false, recursive: false, polling: false, trusted: true, shared: true, createIfMissing: false });
    await a.call<Folder>('folders.add', { path: ownOfA, profileId: made.id, enabled: true, recursive: false, polling: false, trusted: false, createIfMissing: false });

    // B sees both on its next poll: the team preset (marked so) and the shared folder, switched on here.
    const onB = await pollUntil(
      async () => {
        const profile = (await b.call<Profile[]>('profiles.list')).find((candidate) => candidate.id === made.id);
        const shared = (await b.call<Folder[]>('folders.list')).find((candidate) => candidate.id === folder.id);
        return profile && shared ? { profile, shared } : undefined;
      },
      { what: "A's shared profile and folder on B" },
    );
    expect(onB.profile).toMatchObject({ shared: true, version: 1, name: 'Team feed' });
    expect(onB.shared).toMatchObject({ path: nas, profileId: made.id, enabled: true, trusted: true, shared: true });

    // A edits the profile: version 2 reaches B, whose next job is made with it.
    const edited = await a.call<Profile>('profiles.update', { id: made.id, draft: draft([{ width: 200, height: 100 }, { width: 120, height: 120 }]) });
    expect(edited.version).toBe(2);
    await pollUntil(async () => ((await b.call<Profile>('profiles.get', { id: made.id })).version === 2 ? true : undefined), { what: 'version 2 on B' });
    // A takes no work: it has the folder and the profile too, so it could claim the job B finds.
    await a.call('queue.pause');
    await writeTestJpeg(join(nas, 'poster.jpg'), 7, 640, 480);
    const job = await pollUntil(async () => (await jobsOf(b.call)).find((candidate) => candidate.state === 'done'), { what: "B's job done" });
    expect(job).toMatchObject({ profileId: made.id, profileVersion: 2, madeBy: 'studio-b' });
    expect(job.outputs.map((output: Job['outputs'][number]) => output.target).sort()).toEqual(['120x120', '200x100']);

    // Local settings are not shared: each keeps its concurrency and close-to-tray; A's own folder stays A's.
    const settingsOf = async (call: Call) => call<Settings>('settings.get');
    expect(await settingsOf(a.call)).toMatchObject({ concurrency: 3, closeToTray: false });
    expect(await settingsOf(b.call)).toMatchObject({ concurrency: 1, closeToTray: true });
    expect((await b.call<Folder[]>('folders.list')).map((candidate) => candidate.path)).toEqual([nas]);
    expect((await a.call<Folder[]>('folders.list')).find((candidate) => candidate.id === folder.id)?.enabled).toBe(false);
  });

  it('stops sharing a profile for every instance: each keeps its own copy, a clashing name is renamed, edits stay local', async () => {
    const url = await freshDatabase(inject('pgUrl'));
    const root = mkdtempSync(join(tmpdir(), 'team-presets-'));
    roots.push(root);
    const a = await instance(url, root, 'studio-a', {});
    const b = await instance(url, root, 'studio-b', {});
    // B has a profile of its own with the name before A's team preset arrives: both are on B, the team's marked.
    const bOwn = await b.call<Profile>('profiles.create', { draft: draft([{ width: 90, height: 90 }]) });
    const made = await a.call<Profile>('profiles.create', { draft: draft([{ width: 300, height: 300 }]) });
    await a.call('profiles.share', { id: made.id });
    await a.call('profiles.update', { id: made.id, draft: draft([{ width: 160, height: 90 }]) });
    await pollUntil(async () => ((await b.call<Profile[]>('profiles.list')).find((p) => p.id === made.id)?.version === 2 ? true : undefined), {
      what: "A's team preset v2 on B",
    });

    // A folder of A's own names the preset by the team's id.
    const ownFolder = join(root, 'a-own');
    mkdirSync(ownFolder);
    const folderOfA = await a.call<Folder>('folders.add', { path: ownFolder, profileId: made.id, enabled: false, recursive: false, polling: false, trusted: false, createIfMissing: false });

    const stopped = await a.call<Profile>('profiles.stopSharing', { id: made.id });
    expect(stopped).toMatchObject({ id: made.id, version: 2, name: 'Team feed' });
    expect(stopped.shared).toBeUndefined();

    // B takes the stop on its next poll: the profile stays, as B's own, renamed beside B's profile of that name. The
    // rename is B's first edit of it: B's own copy, under an id of B's (the team's id still finds it).
    const onB = await pollUntil(
      async () => {
        const found = await b.call<Profile>('profiles.get', { id: made.id });
        return found.shared ? undefined : found;
      },
      { what: 'the stop on B' },
    );
    expect(onB).toMatchObject({ name: 'Team feed (team copy)', version: 3, sizes: [{ width: 160, height: 90 }] });
    expect(onB.id).not.toBe(made.id);
    expect((await b.call<Profile>('profiles.get', { id: bOwn.id })).name).toBe('Team feed');
    // A has no clash: its copy keeps its name and version.
    expect((await a.call<Profile[]>('profiles.list')).find((p) => p.id === made.id)).toMatchObject({ name: 'Team feed', version: 2 });

    // Edits after the stop stay on the instance that makes them: nothing more reaches the team's database.
    const colleague = openPostgresStore(url, { instance: 'studio-reader' });
    try {
      const rowsAtStop = await colleague.presets.since(0);
      expect(rowsAtStop.filter((row) => row.presetId === made.id).map((row) => [row.version, row.removed, row.savedBy])).toEqual([
        [1, false, 'studio-a'],
        [2, false, 'studio-a'],
        [3, true, 'studio-a'],
      ]);
      await a.call('profiles.update', { id: made.id, draft: { ...draft([{ width: 50, height: 50 }]), name: 'Mine now' } });
      await b.call('profiles.update', { id: made.id, draft: { ...draft([{ width: 70, height: 70 }]), name: 'Team feed (team copy)' } });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await colleague.presets.since(0)).toHaveLength(rowsAtStop.length);
      const copyOnB = await b.call<Profile>('profiles.get', { id: made.id });
      const copyOnA = await a.call<Profile>('profiles.get', { id: made.id });
      expect(copyOnB).toMatchObject({ id: onB.id, name: 'Team feed (team copy)', version: 4, sizes: [{ width: 70, height: 70 }] });
      expect(copyOnA).toMatchObject({ name: 'Mine now', version: 3, sizes: [{ width: 50, height: 50 }] });
      // Each copy has an id of its own instance: a job of the team's queue made with A's version 3 names A's copy,
      // which B does not have, so B never makes it with its own version 3.
      expect(copyOnA.id).not.toBe(made.id);
      expect(copyOnA.id).not.toBe(copyOnB.id);
      await expect(b.call('profiles.get', { id: copyOnA.id })).rejects.toThrow(/profile_not_found/);
      // A's folder shows A's copy (the profile its images are made with now); saved with it, it keeps naming the
      // team's id (what a shared folder would send the team), which finds the copy.
      expect((await a.call<Folder[]>('folders.list')).find((folder) => folder.id === folderOfA.id)?.profileId).toBe(copyOnA.id);
      await a.call<Folder>('folders.update', { id: folderOfA.id, patch: { profileId: copyOnA.id, recursive: true } });
      expect(new SettingsStore(join(root, 'data-studio-a')).get().folders.find((folder) => folder.id === folderOfA.id)).toMatchObject({ profileId: made.id, recursive: true });
      // The copy cannot be removed while the folder uses it, by either id.
      await expect(a.call('profiles.remove', { id: copyOnA.id })).rejects.toThrow(/used by/);
    } finally {
      await colleague.close();
    }
    // Sharing it again under its id is refused (the copies may differ now), with the way to share a copy.
    await expect(a.call('profiles.share', { id: made.id })).rejects.toThrow(/stopped being shared.*Duplicate it/);
  });

  it('pulls a version made elsewhere when a job needs it, before the next poll', async () => {
    const url = await freshDatabase(inject('pgUrl'));
    const root = mkdtempSync(join(tmpdir(), 'team-presets-'));
    roots.push(root);
    const share = join(root, 'nas-in');
    mkdirSync(share);
    const a = await instance(url, root, 'studio-a', {});
    // A shares a profile and a folder on the team's share before B starts: B's first read brings both (version 1).
    const made = await a.call<Profile>('profiles.create', { draft: draft([{ width: 300, height: 300 }]) });
    await a.call('profiles.share', { id: made.id });
    const folder = await a.call<Folder>('folders.add', { path: share, profileId: made.id, recursive: false, polling: false, trusted: true, shared: true, createIfMissing: false });
    // B reads the presets' version once an hour after that: only the job's need brings the new version in.
    const b = await instance(url, root, 'studio-b', {}, 3_600_000);
    await pollUntil(async () => ((await b.call<Folder[]>('folders.list')).some((candidate) => candidate.id === folder.id) ? true : undefined), { what: 'the shared folder on B' });
    // B does not watch it (A finds the file, with version 2); A takes no work: the job A's folder finds is B's to run.
    await b.call('folders.update', { id: folder.id, patch: { enabled: false } });
    await a.call('profiles.update', { id: made.id, draft: draft([{ width: 160, height: 90 }]) });
    await a.call('queue.pause');
    await writeTestJpeg(join(share, 'found.jpg'), 3, 320, 240);
    const job = await pollUntil(async () => (await jobsOf(b.call)).find((candidate) => candidate.state === 'done' || candidate.state === 'failed'), {
      what: 'the job done by B',
    });
    expect(job).toMatchObject({ state: 'done', profileVersion: 2, madeBy: 'studio-b' });
    expect(job.outputs.map((output: Job['outputs'][number]) => output.target)).toEqual(['160x90']);
  });
});
