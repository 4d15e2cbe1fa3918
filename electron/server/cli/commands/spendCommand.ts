import type { Command } from 'commander';
import { resolveDataDir } from '../../../engine/dataDir';
import { SmartResizeError } from '../../../domain/errors';
import { readSpendSummary } from '../../../engine/spend/readSpendSummary';
import { spendJson, spendText } from '../spendReport';

interface SpendOptions {
  since?: string;
  data?: string;
  json?: boolean;
}

/** `smart-resize spend`: what fal charged, from the ledger: periods against the caps, totals and breakdowns. */
export function registerSpendCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('spend')
    .description('What was spent at fal: today, this week and this month against the caps, by day, profile and folder.')
    .option('--since <date>', 'only count spend from this date on (YYYY-MM-DD is local midnight; or an ISO time)')
    .option('--data <dir>', 'data folder (default: SMART_RESIZE_DATA or the app folder)')
    .option('--json', 'print one JSON object; amounts in integer cents')
    .action((options: SpendOptions) => {
      const since = options.since === undefined ? undefined : parseSince(options.since);
      const summary = readSpendSummary(resolveDataDir(options.data), { since });
      const text = options.json ? JSON.stringify(spendJson(summary, since), null, 2) : spendText(summary, since);
      process.stdout.write(`${text}\n`);
      setExitCode(0);
    });
}

/** "2025-03-01" as local midnight (what a person means by a date), anything else as Date.parse reads it. */
function parseSince(text: string): number {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const at = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])).getTime() : Date.parse(text);
  if (!Number.isFinite(at) || at < 0) throw new SmartResizeError('invalid_query', `--since "${text}" is not a date (use YYYY-MM-DD).`);
  return at;
}
