import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import { ProfileStore } from '../../../electron/engine/profiles';
import { Engine } from '../../../electron/engine/runtime/engine';
import { FileFalKeyStore } from '../../../electron/engine/settings/falKeyStore';
import type { Folder, Job, JobPage, Profile } from '../../../electron/shared';
import { startFakeFal, type FakeFal } from '../../support/fakeFal';
import { HARNESS_TIMING } from '../../support/engine/engineHarness';
import { pollUntil } from '../../support/engine/pollUntil';
import { CORPUS, REVIEW_FIRST_PROFILE } from '../../support/engine/reviewFirstProfile';
import { TEST_HOST } from '../../support/engine/testHost';
import { freshDatabase } from '../../support/postgres/freshDatabase';

// Review first is a shared folder's setting like its profile: in team mode whichever instance finds a file of a
// review-first folder makes it locally and waits for approval; nothing goes to fal until someone approves.

const engines: Engine[] = [];
const fakes: FakeFal[] = [];
const roots: string[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
  for (const fake of fakes.splice(0)) await fake.close();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

type Call = <T>(verb: string, input?: unknown) => Promise<T>;

/** One instance of the team: its own data folder, the team's database, the fake fal's key. */
async function instance(url: string, root: string, name: string, fake: FakeFal): Promise<{ call: Call; profiles: ProfileStore }> {
  const dataDir = join(root, `data-${name}`);
  new FileFalKeyStore(dataDir).write(fake.key);
  const engine = new Engine({ dataDir, env: {}, store: url, instance: name, falHostOverride: fake.url, timing: { ...HARNESS_TIMING, presetPollMs: 100 } });
  engines.push(engine);
  await engine.start();
  const handlers = engine.api(TEST_HOST);
  const call: Call = async <T>(verb: string, input?: unknown) => {
    const result = await dispatchCall(handlers, verb, input);
    if (!result.ok) throw new Error(`${verb}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  return { call, profiles: new ProfileStore({ dataDir }) };
}

const jobsOf = async (call: Call) => (await call<JobPage>('jobs.query', { limit: 50 })).items;

describe('a shared review-first folder on one PostgreSQL database', () => {
  it('is review first on the instance that finds its files too: B sends nothing to fal until approved, then exactly the approved sizes', async () => {
    const url = await freshDatabase(inject('pgUrl'));
    const root = mkdtempSync(join(tmpdir(), 'team-review-first-'));
    roots.push(root);
    const fake = await startFakeFal({ latency: { processingMs: 100, concurrency: 4 } });
    fakes.push(fake);
    const nas = join(root, 'nas-in');
    mkdirSync(nas);
    const a = await instance(url, root, 'studio-a', fake);
    const b = await instance(url, root, 'studio-b', fake);

    // A sets up the folder in review first, switched off on A: B is the one that finds the file.
    const made = a.profiles.create(REVIEW_FIRST_PROFILE);
    await a.call<Profile>('profiles.share', { id: made.id });
    const folder = await a.call<Folder>('folders.add', {
      path: nas,
      profileId: made.id,
      enabled: false,
      recursive: false,
      polling: false,
      trusted: true,
      shared: true,
      reviewFirst: true,
      createIfMissing: false,
    });
    const onB = await pollUntil(async () => (await b.call<Folder[]>('folders.list')).find((candidate) => candidate.id === folder.id), {
      what: "A's shared folder on B",
    });
    expect(onB).toMatchObject({ path: nas, enabled: true, shared: true, reviewFirst: true });

    // A takes no work either: any instance with the folder may claim B's job, and this case is B's.
    await a.call('queue.pause');
    copyFileSync(join(CORPUS, 'Landscape_1.jpg'), join(nas, 'found.jpg'));
    const waiting = await pollUntil(async () => (await jobsOf(b.call)).find((job) => ['awaiting_approval', 'done', 'failed'].includes(job.state)), {
      what: "B's job of found.jpg",
    });
    expect(waiting).toMatchObject({ state: 'awaiting_approval', madeBy: 'studio-b' });
    expect(fake.countSubmits()).toBe(0);
    expect((await b.call<{ sizes: { size: string; decision: string }[] }>('approvals.list', { id: waiting.id })).sizes.map((size) => `${size.size}:${size.decision}`)).toEqual([
      '1080x1080:pending',
      '1200x628:pending',
    ]);

    // Approved on A (one team, one queue): exactly the quoted sizes go to fal, once.
    await a.call('approvals.approve', { jobIds: [waiting.id] });
    const done = await pollUntil(async () => (await jobsOf(b.call)).find((job: Job) => job.id === waiting.id && (job.state === 'done' || job.state === 'failed')), {
      what: 'the approved job finished',
    });
    expect(done.state, done.error?.message ?? '').toBe('done');
    expect(fake.requests({ route: 'submit' }).map((submit) => (submit.body as { target_sizes: string[] }).target_sizes)).toEqual([['1080x1080', '1200x628']]);
  });
});
