import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openJobStore } from '../../../electron/engine/store';
import { runCli } from '../../support/cli/runCli';

// Issue 10 item 20: `watch` and headless users had no way to retry a failed job. `smart-resize retry JOB` puts it
// back in line in the same store the app and `watch` use (a running one picks it up at its next tick).

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function storeWithJobs() {
  const data = mkdtempSync(join(tmpdir(), 'smart-resize-retry-'));
  dirs.push(data);
  const store = openJobStore(data);
  const job = async (name: string) =>
    (await store.jobs.insertJobIfNew({
      contentHash: `hash-${name}`,
      profileId: 'p',
      profileVersion: 1,
      sourcePath: `/in/${name}`,
      sourceName: name,
      sourceSize: 10,
      folderId: null,
      origin: 'folder',
      provider: 'local',
    })).job;
  const failed = await job('broken.jpg');
  await store.jobs.transition(failed.id, 'preparing');
  await store.jobs.transition(failed.id, 'failed', { errorCode: 'output_write_failed', errorMessage: 'disk full' });
  const queued = await job('waiting.jpg');
  await store.close();
  return { data, failed, queued };
}

describe('smart-resize retry', () => {
  it('queues a failed job again in the store of --data, with its error cleared', async () => {
    const { data, failed } = await storeWithJobs();
    const run = await runCli(['retry', failed.id, '--data', data]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`broken.jpg (job ${failed.id}) is queued again`);
    const store = openJobStore(data);
    try {
      expect(await store.jobs.getJob(failed.id)).toMatchObject({ state: 'queued', attempts: 0, errorCode: null, errorMessage: null });
    } finally {
      await store.close();
    }
  });

  it('refuses a job that is not failed or cancelled, and an unknown id, with a clear message and exit 1', async () => {
    const { data, queued } = await storeWithJobs();
    const notFailed = await runCli(['retry', queued.id, '--data', data]);
    expect(notFailed.code).toBe(1);
    expect(notFailed.stderr).toContain('Only failed or cancelled jobs can be retried; waiting.jpg is queued.');
    const unknown = await runCli(['retry', 'no-such-job', '--data', data]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no-such-job');
  });
});
