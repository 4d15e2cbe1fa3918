import type { Command } from 'commander';
import { resolveDataDir } from '../../../engine/dataDir';
import { decideSizes } from '../../../engine/jobs/decideSizes';
import { formatCents, quoteRequests } from '../../../engine/pricing';
import { openJobStore } from '../../../engine/store';

interface ApproveOptions {
  size: string[];
  decline?: boolean;
  json?: boolean;
  data?: string;
}

/**
 * `smart-resize approve JOB`: review first for `watch` and headless users, the job view's Approve / Decline. It
 * decides in the same store as the app (approvals.approve / decline: the same checks, one commit); a running app,
 * `serve` or `watch` on that data folder picks the approved job up at its next scheduler tick (else the next start)
 * and sends exactly the approved sizes, through the budget as any request. `jobs --status awaiting_approval` lists
 * what awaits.
 */
export function registerApproveCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('approve')
    .description("Approve (or --decline) a review-first job's paid sizes: all pending ones, or each --size.")
    .argument('<job>', 'the job id (`smart-resize jobs --status awaiting_approval` lists them)')
    .option('--size <WxH>', 'only this paid size (repeatable)', (value: string, sizes: string[]) => [...sizes, value], [])
    .option('--decline', 'decline instead: nothing is sent for those sizes, their local previews stay the outputs')
    .option('--json', 'print what was decided as one JSON object')
    .option('--data <dir>', 'data folder (default: SMART_RESIZE_DATA or the app folder)')
    .action(async (jobId: string, options: ApproveOptions) => {
      const store = openJobStore(resolveDataDir(options.data));
      try {
        const decision = options.decline ? 'declined' : 'approved';
        const { job, decided } = await decideSizes(store, jobId, decision, options.size.length > 0 ? options.size : undefined);
        const rows = await store.reviews.listApprovals(jobId);
        const sizes = rows.filter((row) => decided.includes(row.size)).map((row) => ({ size: row.size, minCents: row.minCents, maxCents: row.maxCents }));
        const pending = rows.filter((row) => row.decision === 'pending').map((row) => row.size);
        // What the approved sizes cost sent together: their prices and one vision fee per request.
        const total = decision === 'approved' && sizes.length > 0 ? quoteRequests(sizes) : { minCents: 0, maxCents: 0 };
        if (options.json) {
          const line = { job: jobId, decision, state: job.state, sizes, totalCents: { min: total.minCents, max: total.maxCents }, pending };
          process.stdout.write(`${JSON.stringify(line)}\n`);
        } else {
          process.stdout.write(`${describeDecision(job.sourceName, jobId, decision, decided, total)}${pending.length > 0 ? ` Still to decide: ${pending.join(', ')}.` : ''}\n`);
        }
      } finally {
        await store.close();
      }
      setExitCode(0);
    });
}

function describeDecision(sourceName: string, jobId: string, decision: 'approved' | 'declined', decided: readonly string[], total: { minCents: number; maxCents: number }): string {
  const what = `${decided.join(', ')} of ${sourceName} (job ${jobId})`;
  if (decision === 'declined') return `Declined ${what}: nothing is sent for them, the local previews stay the outputs.`;
  const price = total.minCents === total.maxCents ? formatCents(total.maxCents) : `${formatCents(total.minCents)} to ${formatCents(total.maxCents)}`;
  return `Approved ${what} for ${price} at fal: a running app, serve or watch on this data folder sends them (otherwise its next start).`;
}
