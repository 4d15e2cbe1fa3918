import { hostname } from 'node:os';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openPostgresStore, type PostgresJobStore } from '../../../electron/engine/store/postgres/pgJobStore';
import { pollUntil } from '../../support/engine/pollUntil';
import { freshDatabase } from '../../support/postgres/freshDatabase';
import { newJob } from '../../unit/store/storeFixture';

const LEASE_MS = 400;
const opened: Array<PostgresJobStore | pg.Client> = [];
afterEach(async () => {
  for (const handle of opened.splice(0).reverse()) await (handle instanceof pg.Client ? handle.end() : handle.close());
});

/** Two instances of one team on a fresh database, with short leases. */
async function team(): Promise<{ url: string; a: PostgresJobStore; b: PostgresJobStore; db: pg.Client }> {
  const url = await freshDatabase(inject('pgUrl'));
  const a = openPostgresStore(url, { instance: 'studio-a', leaseMs: LEASE_MS });
  const b = openPostgresStore(url, { instance: 'studio-b', leaseMs: LEASE_MS });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  opened.push(a, b, db);
  return { url, a, b, db };
}

describe('a team on one PostgreSQL database', () => {
  it('makes one job per content: the first instance owns it, the others seeing the same file are recorded as having seen it', async () => {
    const { a, b, db } = await team();
    const first = await a.jobs.insertJobIfNew(newJob({ contentHash: 'same-photo', sourcePath: '/nas/in/photo.jpg' }));
    const second = await b.jobs.insertJobIfNew(newJob({ contentHash: 'same-photo', sourcePath: '/nas/in/photo.jpg' }));
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, job: { id: first.job.id } });
    const rows = await db.query('SELECT j.created_by, s.instance, s.source_path FROM jobs j JOIN job_sightings s ON s.job_id = j.id');
    expect(rows.rows).toEqual([{ created_by: 'studio-a', instance: 'studio-b', source_path: '/nas/in/photo.jpg' }]);
    // A copy under another name, seen by both: one skipped record naming the first job, not one per instance.
    const copies = await Promise.all([a, b].map((store) => store.jobs.insertJobIfNew(newJob({ contentHash: 'same-photo', sourcePath: '/nas/in/copy.jpg' }))));
    expect(copies.map((copy) => copy.job.state)).toEqual(['skipped', 'skipped']);
    expect(copies[0]!.job.id).toBe(copies[1]!.job.id);
    expect(copies[0]!.copyOf?.id).toBe(first.job.id);
    expect(await b.jobs.makeAnyway(copies[0]!.job.id)).toMatchObject({ state: 'queued', duplicateOf: first.job.id });
  });

  it('never gives one runnable job to two instances claiming at once', async () => {
    const { a, b } = await team();
    for (let index = 0; index < 40; index += 1) await a.jobs.insertJobIfNew(newJob());
    const claims = await Promise.all([a, b, a, b, a, b].map((store) => store.queue.claimRunnable(Date.now(), 10)));
    const ids = claims.flat().map((claim) => claim.job.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });

  it("takes a dead holder's job over once its lease ran out, resuming by its fal request id, and fences the old holder out", async () => {
    const { url, a, b, db } = await team();
    const { job } = await a.jobs.insertJobIfNew(newJob());
    const [claimed] = await a.queue.claimRunnable(Date.now(), 1);
    expect(claimed?.job).toMatchObject({ id: job.id, state: 'preparing' });
    await a.jobs.transition(job.id, 'uploading');
    await a.requests.recordRequestId(job.id, 0, 'fal-req-1', ['1080x1080']);
    // While a renews its lease (its heartbeat), nobody takes the job, however long it runs.
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 3));
    expect(await b.queue.claimRunnable(Date.now(), 5)).toEqual([]);

    // a's process dies: no more renewals. (Closing the pool stops its heartbeat as a SIGKILL would.)
    await a.close();
    const taken = await pollUntil(async () => (await b.queue.claimRunnable(Date.now(), 5))[0], { what: 'b taking the job over', intervalMs: 50 });
    expect(taken).toMatchObject({ job: { id: job.id, state: 'submitted' }, resume: true });
    expect((await b.requests.liveRequests(job.id)).map((request) => request.requestId)).toEqual(['fal-req-1']);
    const row = (await db.query('SELECT claimed_by, made_by FROM jobs WHERE id = $1', [job.id])).rows[0];
    expect(row).toEqual({ claimed_by: 'studio-b', made_by: 'studio-b' });
    // History's "made by": the job record carries the instance that worked it.
    expect((await b.jobs.getJob(job.id))?.madeBy).toBe('studio-b');

    // a's worker, still holding the job in memory (it lost the database, not its life), is fenced out: its next
    // move and any new submit of that job are refused, so the work is never done or paid twice.
    const aAgain = openPostgresStore(url, { instance: 'studio-a', leaseMs: LEASE_MS });
    opened.push(aAgain);
    await expect(aAgain.jobs.transition(job.id, 'downloading')).rejects.toThrow('was taken over by studio-b');
    const submit = { jobId: job.id, batchIndex: 1, imageUrl: 'https://fal.media/x.jpg', sizes: ['1080x1080'], mayBillCents: 20 };
    await expect(aAgain.submits.recordSubmitSending(submit)).rejects.toThrow('was taken over by studio-b');
    expect((await b.jobs.transition(job.id, 'downloading')).state).toBe('downloading');
  });

  it('takes nothing over in its first lease after connecting: holders cut off by an outage get to renew first', async () => {
    const { url, a, db } = await team();
    const { job } = await a.jobs.insertJobIfNew(newJob());
    await a.queue.claimRunnable(Date.now(), 1);
    // As after an outage: a's lease ran out while it could not renew.
    await db.query('UPDATE jobs SET lease_until = 0 WHERE id = $1', [job.id]);
    const late = openPostgresStore(url, { instance: 'studio-c', leaseMs: 60_000 });
    opened.push(late);
    expect(await late.queue.claimRunnable(Date.now(), 5)).toEqual([]);
  });

  it('keeps its leases while every connection of its work pool is busy: a live instance is not taken over', async () => {
    const url = await freshDatabase(inject('pgUrl'));
    // One work connection, held by one long unit for three leases; the heartbeat has a connection of its own.
    const lease = 1000;
    const a = openPostgresStore(url, { instance: 'studio-a', leaseMs: lease, maxConnections: 1 });
    const b = openPostgresStore(url, { instance: 'studio-b', leaseMs: lease });
    opened.push(a, b);
    const { job } = await a.jobs.insertJobIfNew(newJob());
    expect((await a.queue.claimRunnable(Date.now(), 1)).map((claim) => claim.job.id)).toEqual([job.id]);
    // b may take jobs over once it has been connected a whole lease.
    await new Promise((resolve) => setTimeout(resolve, lease * 1.5));
    const busy = a.transaction(() => new Promise((resolve) => setTimeout(resolve, lease * 3)));
    await new Promise((resolve) => setTimeout(resolve, lease * 2.5));
    // Before, the renewal waited for the busy connection: the lease ran out and b took the job of a live instance.
    expect(await b.queue.claimRunnable(Date.now(), 5)).toEqual([]);
    await busy;
  });

  it("ends a transaction a stalled instance left idle, so its hold on the team's budget lock stops no one, and runs that work again", async () => {
    const { url, b } = await team();
    const stalled = openPostgresStore(url, { instance: 'studio-c', leaseMs: LEASE_MS, stalledTransactionMs: 300 });
    opened.push(stalled);
    const order: string[] = [];
    let attempts = 0;
    let lockTaken!: () => void;
    const taken = new Promise<void>((resolve) => (lockTaken = resolve));
    let letGo!: () => void;
    const otherThrough = new Promise<void>((resolve) => (letGo = resolve));
    const work = stalled.transaction(async (tx) => {
      attempts += 1;
      // The prune takes the team's budget lock, as every claim and admission does.
      await tx.reservations.pruneStale();
      if (attempts === 1) {
        lockTaken();
        // Stalled inside its transaction until the other instance got the lock; bounded, for without the server
        // ending this transaction the other waits for it to commit.
        await Promise.race([otherThrough, new Promise((resolve) => setTimeout(resolve, 20_000))]);
        order.push('the stalled one went on');
      }
      return attempts;
    });
    await taken;
    await b.transaction((tx) => tx.reservations.pruneStale());
    order.push('the other took the lock');
    letGo();
    expect(await work).toBe(2);
    expect(order).toEqual(['the other took the lock', 'the stalled one went on']);
  });

  it('refuses a second live process on this machine under a connected name, saying how to name it', async () => {
    const { url, a, db } = await team();
    await a.jobs.getJob('migrates the database');
    // Another process of this machine (the test runner's parent, alive) connected as "twin" a moment ago.
    await db.query('INSERT INTO instances (name, host, pid, started_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)', ['twin', hostname(), process.ppid, Date.now()]);
    const twin = openPostgresStore(url, { instance: 'twin', leaseMs: LEASE_MS });
    opened.push(twin);
    await expect(twin.jobs.getJob('any')).rejects.toThrow(`is connected to ${twin.path} as "twin". Give this one a name of its own (--instance or SMART_RESIZE_INSTANCE).`);
  });

  it("shares marks, records refused files and hands a partial copy's job the complete file, as SQLite's store does", async () => {
    const { a, b } = await team();
    await a.marks.setMarks('photo-hash', { focus: { x: 0.3, y: 0.6 } }, 1000);
    expect(await b.marks.getMarks('photo-hash')).toEqual({ marks: { focus: { x: 0.3, y: 0.6 } }, updatedAt: 1000 });

    const refused = await a.jobs.insertJobIfNew(newJob({ refusal: { code: 'unsupported_format', message: 'README.txt is not an image.' } }));
    expect(refused.job).toMatchObject({ state: 'failed', errorCode: 'unsupported_format', errorMessage: 'README.txt is not an image.' });

    const half = await a.jobs.insertJobIfNew(newJob({ contentHash: 'half', sourcePath: '/nas/in/big.jpg', sourceSize: 100 }));
    const whole = await b.jobs.insertJobIfNew(newJob({ contentHash: 'whole', sourcePath: '/nas/in/big.jpg', sourceSize: 400 }));
    expect(whole).toMatchObject({ created: true, job: { id: half.job.id, contentHash: 'whole', sourceSize: 400 } });
  });

  it("numbers an output's versions once across the team and notes which one its file holds", async () => {
    const { a, b } = await team();
    const { job } = await a.jobs.insertJobIfNew(newJob());
    const version = { jobId: job.id, target: '1080x1080', imageIndex: 0, layout: null, keptPath: '/data/v.jpg', width: 1080, height: 1080, bytes: 9, format: 'jpeg', preflight: null, provider: 'local' as const, tier: null };
    const made = await Promise.all([a.versions.addVersion({ ...version, cause: 'run' }), b.versions.addVersion({ ...version, cause: 'nudge' })]);
    expect(made.map((record) => record.version).sort()).toEqual([1, 2]);
    await b.outputs.addOutput({ jobId: job.id, target: '1080x1080', imageIndex: 0, path: '/out/a.jpg', width: 1080, height: 1080, provider: 'local', tier: null, bytes: 9 });
    await b.versions.setCurrent(job.id, '1080x1080', 0, 2);
    expect(await a.versions.currentVersions(job.id)).toEqual(new Map([['1080x1080#0', 2]]));
    expect((await a.versions.listVersions(job.id)).map((record) => record.cause).sort()).toEqual(['nudge', 'run']);
  });

  it('claims only jobs this instance can make: dropped files stay with the instance that has them, and a profile it lacks is left to one that has it unless the team shares it', async () => {
    const { a, b } = await team();
    const ids = async (store: PostgresJobStore, profileIds: readonly string[]) =>
      (await store.queue.claimRunnable(Date.now(), 10, { profileIds, folderIds: ['team-share'] })).map((claim) => claim.job.sourceName).sort();
    // On a's disk: a dropped file, an upload, a CLI file, and one of a hot folder only a has. On the team's shared
    // folder: one of a's local profile, one of a profile only b has, and one of a profile a colleague shared with the
    // team (neither has it saved yet).
    for (const origin of ['drop', 'upload', 'cli'] as const) await a.jobs.insertJobIfNew(newJob({ origin, sourceName: `${origin}.jpg`, profileId: 'shared-by-both', folderId: null }));
    await a.jobs.insertJobIfNew(newJob({ sourceName: 'a-folder.jpg', profileId: 'shared-by-both', folderId: 'a-desktop' }));
    await a.jobs.insertJobIfNew(newJob({ sourceName: 'a-local.jpg', profileId: 'a-only', folderId: 'team-share' }));
    await a.jobs.insertJobIfNew(newJob({ sourceName: 'b-local.jpg', profileId: 'b-only', folderId: 'team-share' }));
    await a.jobs.insertJobIfNew(newJob({ sourceName: 'team.jpg', profileId: 'team-preset', folderId: 'team-share' }));
    await a.presets.add({ kind: 'profile', presetId: 'team-preset', version: 1, body: { id: 'team-preset', name: 'Team' }, removed: false });

    // Before, b claimed all seven and failed a's files as missing, a's folder's job as having no folder and a-only's
    // job as having no profile.
    expect(await ids(b, ['shared-by-both', 'b-only'])).toEqual(['b-local.jpg', 'team.jpg']);
    expect(await ids(a, ['shared-by-both', 'a-only'])).toEqual(['a-folder.jpg', 'a-local.jpg', 'cli.jpg', 'drop.jpg', 'upload.jpg']);
  });
});
