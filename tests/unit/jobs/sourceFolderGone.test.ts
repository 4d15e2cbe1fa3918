import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SmartResizeError } from '../../../electron/domain/errors';
import { settleFailure } from '../../../electron/engine/jobs/jobFailure';
import { MAX_ATTEMPTS } from '../../../electron/engine/jobs/retryPolicy';
import type { JobStore } from '../../../electron/engine/store';
import { newJob, useFreshStore, type FakeClock } from '../store/storeFixture';

let store: JobStore;
let clock: FakeClock;
useFreshStore((opened) => ({ store, clock } = opened));
const dir = mkdtempSync(join(tmpdir(), 'smart-resize-source-folder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const notFound = (path: string) => new SmartResizeError('file_not_found', `"${path}" was not found: it may have been moved or deleted.`);

/**
 * Claims the job and settles `error` for it, `rounds` times; the job as it then is. `watchedFolder`: the hot folder
 * the job came from (undefined: a drop).
 */
async function failRounds(sourcePath: string, rounds: number, watchedFolder: string | undefined) {
  const { job } = await store.jobs.insertJobIfNew(newJob({ sourcePath, ...(watchedFolder === undefined && { folderId: null, origin: 'drop' }) }));
  for (let round = 0; round < rounds; round += 1) {
    clock.advance(10 * 60_000);
    const [claimed] = await store.queue.claimRunnable(clock.now(), 1);
    if (!claimed) break;
    await settleFailure(notFound(sourcePath), { store, job: claimed.job, now: clock.now(), watchedFolder, onOffline: () => undefined });
  }
  return (await store.jobs.getJob(job.id))!;
}

describe('a job whose source cannot be read', () => {
  it('waits while its hot folder is gone (a lost share, the folder in standby), however long, instead of failing', async () => {
    const watched = join(dir, 'share-gone', 'in');
    const job = await failRounds(join(watched, 'sub', 'photo.jpg'), MAX_ATTEMPTS + 2, watched);
    expect(job.state).toBe('retry_scheduled');
    expect(job.stateReason).toBe(`${watched} is not there (drive unplugged or share lost?); tried again until it returns.`);
    // No attempt used: the job's next real failure after the share's return still gets its retries.
    expect(job.attempts).toBe(0);
  });

  it('fails as before when only the file is gone (its folder is there): deleted, not out of reach', async () => {
    const job = await failRounds(join(dir, 'photo.jpg'), 1, dir);
    expect(job).toMatchObject({ state: 'failed', errorCode: 'file_not_found' });
  });

  it('fails as a missing file when a subfolder of a hot folder that is there was deleted: it will not come back by itself', async () => {
    const watched = join(dir, 'watched');
    mkdirSync(watched);
    const job = await failRounds(join(watched, 'deleted-subfolder', 'photo.jpg'), 1, watched);
    expect(job).toMatchObject({ state: 'failed', errorCode: 'file_not_found', errorMessage: expect.stringMatching(/was not found/) });
  });

  it("fails as a missing file when a dropped file's folder was removed: a drop has no hot folder to wait for", async () => {
    const job = await failRounds(join(dir, 'removed-drop-folder', 'photo.jpg'), 1, undefined);
    expect(job).toMatchObject({ state: 'failed', errorCode: 'file_not_found' });
  });
});
