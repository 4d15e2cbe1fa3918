import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ProfileSize } from '../../../electron/shared';
import { expect } from '@playwright/test';
import type { AppServer } from './appServer';
import { createProfile } from './appSetup';

/** A corpus photo (600x450, a waterfall with its edges labelled left, right, bottom): what the review specs resize. */
const REVIEW_PHOTO = '../shared/corpus/Landscape_1.jpg';

/**
 * Puts the corpus photo in the server's upload inbox (where a browser's drop lands), queues it with a new profile
 * of these sizes and answers the job once it is done.
 */
export async function runReviewJob(app: AppServer, name: string, sizes: ProfileSize[], photo = REVIEW_PHOTO): Promise<{ jobId: string; profileId: string; sourcePath: string }> {
  const profileId = await createProfile(app, name, sizes);
  return { profileId, ...(await queueAndWait(app, profileId, photo)) };
}

/** Queues a corpus photo (copied into the inbox) with a profile and answers its job once done. */
export async function queueAndWait(app: AppServer, profileId: string, photo: string, states: readonly string[] = ['done']): Promise<{ jobId: string; sourcePath: string }> {
  const folder = join(app.dataDir, 'inbox');
  mkdirSync(folder, { recursive: true });
  const sourcePath = join(folder, basename(photo));
  copyFileSync(photo, sourcePath);
  const { jobIds } = await app.call('jobs.enqueuePaths', { paths: [sourcePath], profileId });
  const jobId = jobIds[0];
  if (!jobId) throw new Error(`${sourcePath} made no job`);
  await waitForJobState(app, jobId, states);
  return { jobId, sourcePath };
}

/** Waits (polling the job's detail through the API, as a page would refetch it) until the job is in one of the states. */
async function waitForJobState(app: AppServer, jobId: string, states: readonly string[], timeoutMs = 30_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const job = await app.call('jobs.detail', { id: jobId });
        if (job.state === 'failed' && !states.includes('failed')) throw new Error(`job ${jobId} failed: ${job.error?.message}`);
        return states.includes(job.state);
      },
      { timeout: timeoutMs, message: `job ${jobId} in ${states.join('/')}` },
    )
    .toBe(true);
}
