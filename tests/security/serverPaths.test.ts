import { mkdir, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../electron/shared';
import { pollUntil } from '../support/engine/pollUntil';
import { openTestStore } from '../support/engine/testStore';
import { makeTestJpeg, writeTestJpeg } from '../support/engine/testImages';
import { startHeadlessFixture, type HeadlessFixture, type RawAnswer } from './support/headlessServerFixture';

// Over the headless transport, a caller may only make the app read or write inside the upload inbox, the watched
// folders (inside home) and the data folder: every path-taking verb is tried with `..`, absolute paths and
// symlinks that lead out of a watched folder.
let fixture: HeadlessFixture;
let outsideBefore: string[];

/** Every file under a folder with its size: what "nothing written there" is checked against. */
async function listTree(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return Promise.all(entries.map(async (entry) => `${join(entry.parentPath, entry.name)}:${(await stat(join(entry.parentPath, entry.name))).size}`)).then((list) => list.sort());
}

beforeAll(async () => {
  fixture = await startHeadlessFixture();
  const { outside, watched, home } = fixture;
  // A private image and a text file outside every allowed folder, and links to them planted in the watched folder.
  await writeTestJpeg(join(outside, 'private.jpg'), 91, 320, 240);
  await writeFile(join(outside, 'secret.txt'), 'secret');
  await mkdir(join(outside, 'album'));
  await writeTestJpeg(join(outside, 'album', 'holiday.jpg'), 92, 320, 240);
  await symlink(join(outside, 'private.jpg'), join(watched, 'link.jpg'));
  await symlink(join(outside, 'album'), join(watched, 'linked-album'));
  await symlink(outside, join(home, 'escape'));
  outsideBefore = await listTree(outside);
});

afterAll(async () => {
  await fixture?.close();
});

function skippedReasons(answer: RawAnswer): string[] {
  expect(answer.status, answer.text).toBe(200);
  const value = answer.json as { jobIds: string[]; skipped: Array<{ path: string; reason: string }> };
  expect(value.jobIds, answer.text).toEqual([]);
  return value.skipped.map((entry) => entry.reason);
}

async function allJobs(): Promise<Job[]> {
  const answer = await fixture.call('jobs.query', { limit: 500 });
  return (answer.json as { items: Job[] }).items;
}

describe('jobs.enqueuePaths over HTTP', () => {
  it('refuses files outside the inbox and watched folders: absolute, .., and symlinks out of a watched folder', async () => {
    const { outside, watched, home, profile } = fixture;
    const attempts = [
      '/etc/passwd',
      join(outside, 'private.jpg'),
      join(watched, '..', '..', 'outside', 'private.jpg'),
      join(watched, 'link.jpg'),
      join(watched, 'linked-album'),
      join(watched, 'linked-album', 'holiday.jpg'),
      join(home, 'escape', 'private.jpg'),
      join(home, 'escape'),
      outside,
      '/',
    ];
    for (const path of attempts) {
      const reasons = skippedReasons(await fixture.call('jobs.enqueuePaths', { paths: [path], profileId: profile.id }));
      expect(reasons, path).toEqual([expect.stringContaining('only files in the upload inbox and the watched folders can be queued here')]);
    }
    expect(await allJobs()).toEqual([]);
  });

  it('queues a watched folder without following the links planted in it', async () => {
    const { watched, profile } = fixture;
    await writeTestJpeg(join(watched, 'good.jpg'), 93, 320, 240);
    const answer = await fixture.call('jobs.enqueuePaths', { paths: [watched], profileId: profile.id });
    expect(answer.status, answer.text).toBe(200);
    const value = answer.json as { jobIds: string[]; skipped: Array<{ path: string; reason: string }> };
    expect(value.skipped.map((entry) => entry.path)).toEqual([join(watched, 'link.jpg')]);
    const jobs = await pollUntil(async () => {
      const list = await allJobs();
      return list.length > 0 && list.every((job) => job.state === 'done' || job.state === 'failed') ? list : undefined;
    }, { what: 'the watched folder jobs to finish', timeoutMs: 30_000 });
    expect(jobs.map((job) => job.sourceName).sort()).toEqual(['good.jpg']);
    expect(jobs[0]!.state).toBe('done');
  });

  it('lets an uploaded file be queued (the browser drop), recorded as an upload', async () => {
    const upload = await fixture.request('/api/upload?name=dropped.jpg', { method: 'POST', body: await makeTestJpeg(95, 320, 240) });
    expect(upload.status, upload.text).toBe(200);
    const { path } = upload.json as { path: string };
    const answer = await fixture.call('jobs.enqueuePaths', { paths: [path], profileId: fixture.profile.id });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toMatchObject({ jobIds: [expect.any(String)], skipped: [] });
    const [jobId] = (answer.json as { jobIds: string[] }).jobIds;
    const store = openTestStore(fixture.dataDir);
    try {
      expect((await store.jobs.getJob(jobId!))?.origin).toBe('upload');
    } finally {
      await store.close();
    }
  });
});

describe('jobs.discardUploads over HTTP', () => {
  it('removes only uploads no drop queued: a queued upload, the watched folder, files outside and paths leading out are kept', async () => {
    const { outside, watched, dataDir, profile } = fixture;
    const upload = async (name: string, seed: number) => {
      const answer = await fixture.request(`/api/upload?name=${name}`, { method: 'POST', body: await makeTestJpeg(seed, 320, 240) });
      expect(answer.status, answer.text).toBe(200);
      return (answer.json as { path: string }).path;
    };
    const cancelled = await upload('cancelled.jpg', 96);
    const queued = await upload('queued.jpg', 97);
    expect((await fixture.call('jobs.enqueuePaths', { paths: [queued], profileId: profile.id })).status).toBe(200);
    await writeTestJpeg(join(watched, 'kept.jpg'), 98, 320, 240);
    const inbox = join(dataDir, 'inbox');
    const attempts = [queued, join(watched, 'kept.jpg'), join(outside, 'private.jpg'), join(inbox, '..', 'settings.json'), join(inbox, '..', '..', 'outside', 'secret.txt')];

    const answer = await fixture.call('jobs.discardUploads', { paths: [cancelled, ...attempts] });
    expect(answer.status, answer.text).toBe(200);
    const { removed, kept } = answer.json as { removed: number; kept: Array<{ path: string; reason: string }> };
    expect(removed).toBe(1);
    expect(kept.map((entry) => entry.path)).toEqual([queued, join(watched, 'kept.jpg'), join(outside, 'private.jpg'), join(dataDir, 'settings.json'), join(outside, 'secret.txt')]);
    expect(kept[0]!.reason).toBe('Already handed to the queue: its job reads it.');
    await expect(stat(cancelled)).rejects.toMatchObject({ code: 'ENOENT' });
    for (const path of [queued, join(watched, 'kept.jpg'), join(dataDir, 'settings.json')]) expect((await stat(path)).isFile(), path).toBe(true);
    expect(await listTree(outside)).toEqual(outsideBefore);
  });
});

describe('verbs that read or open a path', () => {
  it('refuse any path that is not a job file: thumbnails, open and reveal', async () => {
    const { outside, watched } = fixture;
    for (const path of ['/etc/passwd', join(outside, 'private.jpg'), join(watched, 'link.jpg'), join(watched, '..', '..', 'outside', 'private.jpg'), fixture.dataDir]) {
      for (const verb of ['media.thumbnail', 'shell.openPath', 'shell.revealPath']) {
        const answer = await fixture.call(verb, { path });
        expect(answer.status, `${verb} ${path}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${verb} ${path}`).toBeLessThan(500);
        expect(answer.text).not.toContain('data:image');
      }
    }
  });

  it('refuse watched folders outside home, through .., absolute paths or a symlink', async () => {
    const { outside, home, profile } = fixture;
    for (const path of [outside, '/etc', '/', join(home, '..', 'outside'), join(home, 'escape'), join(home, 'escape', 'album')]) {
      const added = await fixture.call('folders.add', { path, profileId: profile.id });
      expect(added.status, `${path}: ${added.text}`).toBe(403);
      expect((added.json as { error: { code: string } }).error.code).toBe('path_not_allowed');
    }
    const [folder] = (await fixture.call('folders.list')).json as Array<{ id: string }>;
    const moved = await fixture.call('folders.update', { id: folder!.id, patch: { path: join(home, 'escape') } });
    expect(moved.status, moved.text).toBe(403);
    // A folder inside home that does not exist yet is made when asked (and refused otherwise: see folderPaths.test).
    const inside = await fixture.call('folders.add', { path: join(home, 'new-folder'), profileId: profile.id, createIfMissing: true });
    expect(inside.status, inside.text).toBe(200);
  });
});

describe('the hot folder', () => {
  it('does not follow a symlink dropped into the watched folder while it runs', async () => {
    const { watched, outside } = fixture;
    await symlink(join(outside, 'album', 'holiday.jpg'), join(watched, 'late-link.jpg'));
    await writeTestJpeg(join(watched, 'late-real.jpg'), 94, 320, 240);
    await pollUntil(async () => ((await allJobs()).some((job) => job.sourceName === 'late-real.jpg' && job.state === 'done') ? true : undefined), {
      what: 'late-real.jpg done',
      timeoutMs: 30_000,
    });
    // A scan of the folder once that file is done (resolved when the scan is over) passes the link again: had it
    // been taken, it would now be settling or hashing (pending) or a job, and it is neither.
    const { engine } = fixture.server;
    await engine.rescanFolders();
    expect(engine.folderStatuses().filter((status) => status.pendingFiles > 0)).toEqual([]);
    expect((await allJobs()).map((job) => job.sourceName)).not.toContain('late-link.jpg');
  });

  it('wrote nothing outside the allowed folders', async () => {
    expect(await listTree(fixture.outside)).toEqual(outsideBefore);
  });
});

describe('folders allowed beside home at launch (serve --allow)', () => {
  let allowing: HeadlessFixture;
  beforeAll(async () => {
    allowing = await startHeadlessFixture({ allowedFolders: (root) => [join(root, 'nas')] });
  });
  afterAll(() => allowing.close());

  it('watches and browses folders under an allowed one, and still refuses the rest of the disk', async () => {
    const { root, profile, outside } = allowing;
    const campaign = join(root, 'nas', 'campaign');
    await mkdir(campaign);
    const added = await allowing.call('folders.add', { path: campaign, profileId: profile.id });
    expect(added.status, added.text).toBe(200);
    const browsed = await allowing.request(`/api/browse?path=${encodeURIComponent(join(root, 'nas'))}`);
    expect(browsed.json).toMatchObject({ parent: null, folders: [{ name: 'campaign' }] });
    for (const path of [outside, join(root, 'nas', '..', 'outside'), '/etc']) {
      const refused = await allowing.call('folders.add', { path, profileId: profile.id });
      expect(refused.status, path).toBe(403);
      expect(refused.text).toContain('--allow');
    }
  });
});
