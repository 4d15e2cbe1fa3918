import type { Command } from 'commander';
import { resolveDataDir } from '../../../engine/dataDir';
import { parseSince } from '../parseSince';
import { readSpendSummary } from '../../../engine/spend/reports/readSpendSummary';
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
    .action(async (options: SpendOptions) => {
      const since = options.since === undefined ? undefined : parseSince(options.since);
      const summary = await readSpendSummary(resolveDataDir(options.data), { since });
      const text = options.json ? JSON.stringify(spendJson(summary, since), null, 2) : spendText(summary, since);
      process.stdout.write(`${text}\n`);
      setExitCode(0);
    });
}
