import { formatCents } from '../../engine/pricing';
import type { SpendSummaryData } from '../../engine/spend';

/** The summary as the `--json` object: snake_case keys, every amount in integer cents. */
export function spendJson(summary: SpendSummaryData, since: number | undefined): Record<string, unknown> {
  const period = (value: { spentCents: number; capCents: number | null }) => ({ spent_cents: value.spentCents, cap_cents: value.capCents });
  return {
    since: since === undefined ? null : new Date(since).toISOString(),
    total_cents: summary.totalCents,
    may_be_billed_cents: summary.mayBeBilledCents,
    savings_cents: summary.savingsCents,
    reserved_cents: summary.reservedCents,
    outputs: summary.outputs,
    cents_per_output: summary.centsPerOutput,
    today: period(summary.today),
    week: period(summary.week),
    month: period(summary.month),
    by_day: summary.byDay.map((row) => ({ day: row.day, cents: row.cents })),
    by_profile: summary.byProfile.map((row) => ({ profile_id: row.profileId, name: row.name, cents: row.cents })),
    by_folder: summary.byFolder.map((row) => ({ folder_id: row.folderId, path: row.path, cents: row.cents })),
    most_expensive: summary.mostExpensive.map((row) => ({ job_id: row.jobId, source_name: row.sourceName, cents: row.cents, at: new Date(row.at).toISOString() })),
  };
}

/** The summary as text for people: periods against caps, totals, then each breakdown. */
export function spendText(summary: SpendSummaryData, since: number | undefined): string {
  const lines: string[] = [];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(32)} ${value}`);
  const against = (value: { spentCents: number; capCents: number | null }) =>
    value.capCents === null ? `${formatCents(value.spentCents)} (no cap)` : `${formatCents(value.spentCents)} of ${formatCents(value.capCents)} cap`;
  lines.push(`Spend at fal${since === undefined ? ' (all time)' : ` since ${new Date(since).toLocaleString()}`}`);
  row('Today', against(summary.today));
  row('This week', against(summary.week));
  row('This month', against(summary.month));
  const perOutput = summary.centsPerOutput === null ? '' : ` (${formatCents(summary.centsPerOutput)} per output)`;
  row('Total', `${formatCents(summary.totalCents)} for ${summary.outputs} outputs${perOutput}`);
  row('Reserved for requests in flight', formatCents(summary.reservedCents));
  row('May be billed (fal refused)', `${formatCents(summary.mayBeBilledCents)} (not in the total)`);
  row('Saved by smart routing', formatCents(summary.savingsCents));
  const section = (title: string, entries: Array<{ label: string; cents: number }>) => {
    if (entries.length === 0) return;
    lines.push(title);
    for (const entry of entries) row(entry.label, formatCents(entry.cents));
  };
  section('By day', summary.byDay.map((entry) => ({ label: entry.day, cents: entry.cents })));
  section('By profile', summary.byProfile.map((entry) => ({ label: entry.name, cents: entry.cents })));
  section('By folder', summary.byFolder.map((entry) => ({ label: entry.path ?? (entry.folderId === null ? 'drops and CLI' : entry.folderId), cents: entry.cents })));
  section('Most expensive jobs', summary.mostExpensive.map((entry) => ({ label: entry.sourceName, cents: entry.cents })));
  return lines.join('\n');
}
