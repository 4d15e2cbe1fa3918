import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openJobStore } from '../../../electron/engine/store';
import { fakeClock, newJob, openTestStore } from './storeFixture';
import { tempDirs } from './tempDir';

const dirs = tempDirs();
afterEach(dirs.cleanup);

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const childScript = fileURLToPath(new URL('./fixtures/recordRequestAndWait.ts', import.meta.url));

describe('durability', () => {
  it('keeps jobs, requests, outputs, seen files and events across a close and reopen', async () => {
    const dataDir = dirs.make();
    const clock = fakeClock();
    const before = openTestStore(dataDir, clock);
    const done = (await before.jobs.insertJobIfNew(newJob({ provider: 'local' }))).job;
    await before.jobs.transition(done.id, 'preparing');
    await before.jobs.transition(done.id, 'writing');
    await before.outputs.addOutput({
      jobId: done.id,
      target: '1080x1080',
      imageIndex: 0,
      path: '/o/a.jpg',
      width: 1080,
      height: 1080,
      provider: 'local',
      tier: null,
      bytes: 77,
    });
    await before.jobs.transition(done.id, 'done');
    const inFlight = (await before.jobs.insertJobIfNew(newJob())).job;
    await before.jobs.transition(inFlight.id, 'preparing');
    await before.jobs.transition(inFlight.id, 'uploading');
    await before.requests.recordRequestId(inFlight.id, 0, 'req-1', ['1080x1920']);
    const retrying = (await before.jobs.insertJobIfNew(newJob())).job;
    await before.jobs.transition(retrying.id, 'preparing');
    await before.jobs.transition(retrying.id, 'retry_scheduled', { nextAttemptAt: clock.now() + 30_000, reason: 'HTTP 503' });
    await before.seenFiles.upsertSeenFile({ path: '/in/a.jpg', size: 1, mtimeMs: 2, contentHash: 'h', folderId: 'f' });
    await before.events.append('queue_paused', null, { reason: 'test' });

    const snapshot = {
      details: [done.id, inFlight.id, retrying.id].map((id) => before.history.getJobDetail(id)),
      counts: await before.history.countByState(),
      events: await before.events.eventsAfter(0, 1000),
      seen: await before.seenFiles.getSeenFile('/in/a.jpg'),
    };
    await before.close();

    const after = openTestStore(dataDir, clock);
    try {
      expect(after.migrations.applied).toEqual([]);
      expect([done.id, inFlight.id, retrying.id].map((id) => after.history.getJobDetail(id))).toEqual(snapshot.details);
      expect(await after.history.countByState()).toEqual(snapshot.counts);
      expect(await after.events.eventsAfter(0, 1000)).toEqual(snapshot.events);
      expect(await after.seenFiles.getSeenFile('/in/a.jpg')).toEqual(snapshot.seen);
      // The dedupe key survives too: the same content is still not new work.
      expect((await after.jobs.insertJobIfNew(newJob({ contentHash: done.contentHash, profileId: done.profileId }))).created).toBe(false);
    } finally {
      await after.close();
    }
  });

  it('has the request id on disk after the process is killed with SIGKILL right after recording it', async () => {
    const dataDir = dirs.make();
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, dataDir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

    const jobId = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /RECORDED (\S+)\n/.exec(stdout);
        if (match) {
          child.kill('SIGKILL');
          resolve(match[1]!);
        }
      });
      child.on('exit', () => reject(new Error(`child exited before recording: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');
    // The commit sits in the write-ahead log, never checkpointed: reopening must replay it.
    expect(existsSync(join(dataDir, 'jobs.sqlite-wal'))).toBe(true);

    const store = openJobStore(dataDir);
    try {
      expect(await store.requests.liveRequests(jobId)).toEqual([
        expect.objectContaining({ requestId: 'req-before-kill', batchIndex: 0, sizes: ['1080x1080', '1080x1920'] }),
      ]);
      expect((await store.jobs.getJob(jobId))!.state).toBe('submitted');
      expect(await store.queue.recoverInterruptedJobs()).toEqual([{ jobId, from: 'submitted', to: 'submitted' }]);
      expect(await store.queue.claimRunnable(Date.now(), 5)).toEqual([
        { job: expect.objectContaining({ id: jobId }), resume: true },
      ]);
    } finally {
      await store.close();
    }
  });
});
