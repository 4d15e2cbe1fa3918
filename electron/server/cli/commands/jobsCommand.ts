import type { Command } from 'commander';
import { SmartResizeError } from '../../../domain/errors';
import { JOB_STATES, isJobState, type JobState } from '../../../domain/jobStates';
import { resolveDataDir } from '../../../engine/dataDir';
import { MAX_JOB_PAGE, openJobStore } from '../../../engine/store';
import { jobLine, jobText } from '../jobsReport';
import { parseSince } from '../parseSince';

interface JobsOptions {
  status?: string;
  since?: string;
  data?: string;
  json?: boolean;
}

/**
 * `smart-resize jobs`: what happened to every file, for headless users and scripts: one line (or JSON object) per
 * job, newest first, skipped copies included with the job they duplicate.
 */
export function registerJobsCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('jobs')
    .description('Every job, newest first: source, status (skipped copies name the job they duplicate), outputs and error.')
    .option('--status <states>', `only these statuses, comma-separated (${JOB_STATES.join(', ')})`)
    .option('--since <date>', 'only jobs created from this date on (YYYY-MM-DD is local midnight; or an ISO time)')
    .option('--data <dir>', 'data folder (default: SMART_RESIZE_DATA or the app folder)')
    .option('--json', 'one JSON object per line')
    .action(async (options: JobsOptions) => {
      const states = options.status === undefined ? undefined : parseStates(options.status);
      const since = options.since === undefined ? undefined : parseSince(options.since);
      const store = openJobStore(resolveDataDir(options.data));
      try {
        let cursor: string | null = null;
        do {
          const page = await store.history.queryJobs({ states, since, cursor, limit: MAX_JOB_PAGE });
          const lines: string[] = [];
          for (const job of page.jobs) {
            const first = job.duplicateOf === null ? undefined : await store.jobs.getJob(job.duplicateOf);
            const line = jobLine(job, await store.outputs.listOutputs(job.id), first, { list: await store.versions.listVersions(job.id), current: await store.versions.currentVersions(job.id) });
            lines.push(options.json ? JSON.stringify(line) : jobText(line));
          }
          if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
          cursor = page.nextCursor;
        } while (cursor !== null);
      } finally {
        await store.close();
      }
      setExitCode(0);
    });
}

function parseStates(text: string): JobState[] {
  const states = text.split(',').map((part) => part.trim()).filter(Boolean);
  const unknown = states.find((state) => !isJobState(state));
  if (unknown !== undefined || states.length === 0) {
    throw new SmartResizeError('invalid_query', `--status "${unknown ?? text}" is not a job status (use ${JOB_STATES.join(', ')}).`);
  }
  return states as JobState[];
}
