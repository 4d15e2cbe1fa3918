import type { Command } from 'commander';
import { resolveDataDir } from '../../../engine/dataDir';
import { openJobStore } from '../../../engine/store';

interface RetryOptions {
  data?: string;
}

/**
 * `smart-resize retry JOB`: the History page's Retry for `watch` and headless users. The job goes back in line in
 * the same store; a running app, `serve` or `watch` on that data folder picks it up at its next scheduler tick,
 * otherwise the next start does. A job holding a paid fal result resumes by its request id, never pays twice.
 */
export function registerRetryCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('retry')
    .description('Queue a failed or cancelled job again (job ids are in `smart-resize jobs`).')
    .argument('<job>', 'the job id')
    .option('--data <dir>', 'data folder (default: SMART_RESIZE_DATA or the app folder)')
    .action(async (jobId: string, options: RetryOptions) => {
      const store = openJobStore(resolveDataDir(options.data));
      try {
        const job = await store.jobs.retry(jobId);
        process.stdout.write(`${job.sourceName} (job ${job.id}) is queued again${job.state === 'submitted' ? ': its fal result is fetched again, not paid again' : ''}.\n`);
      } finally {
        await store.close();
      }
      setExitCode(0);
    });
}
