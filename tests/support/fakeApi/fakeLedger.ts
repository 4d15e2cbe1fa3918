import type { JobDetail, LedgerRow, SpendSummary } from '../../../electron/shared';
import { localDayKey, spendPeriods } from '../../../electron/engine/spend/spendPeriods';
import type { FakeState } from './fakeState';

/** What fal may bill for a refused request in the fake: the vision fee and one 1K image per size asked. */
function refusedCents(job: JobDetail, state: FakeState): number {
  const profile = state.profiles.find((candidate) => candidate.id === job.profileId);
  return 5 + 15 * (profile?.sizes.length ?? 1);
}

/**
 * The fake's ledger, derived from its jobs so it stays true as the fake queue finishes work: a charge per finished
 * fal job (its costCents), "may be billed" for jobs fal refused for content, and a saving for each job whose
 * `auto` sizes stayed local (15 cents per such image). Oldest first; ids follow that order.
 */
export function fakeLedger(state: FakeState): LedgerRow[] {
  const rows: Array<Omit<LedgerRow, 'id'>> = [];
  const profileName = (id: string) => state.profiles.find((profile) => profile.id === id)?.name ?? id;
  for (const job of state.jobs) {
    const base = { jobId: job.id, sourceName: job.sourceName, profileId: job.profileId, profileName: profileName(job.profileId), folderId: job.folderId };
    const at = job.finishedAt ?? job.createdAt;
    if (job.state === 'done' && job.costCents !== null) {
      const fal = job.outputs.filter((output) => output.provider === 'fal');
      const tiers = ['1K', '2K', '4K'].map((tier) => [tier, fal.filter((output) => output.tier === tier).length] as const).filter(([, n]) => n > 0);
      rows.push({ ...base, at, kind: 'charge', cents: job.costCents, requestId: job.falRequestIds[0] ?? null, images: fal.length, tiers: tiers.map(([tier, n]) => `${n}x${tier}`).join(', ') });
    }
    if (job.state === 'done') {
      const profile = state.profiles.find((candidate) => candidate.id === job.profileId);
      const saved = job.outputs.filter((output) => output.provider === 'local' && profile?.sizes.some((size) => `${size.width}x${size.height}` === output.target && size.policy === 'auto'));
      if (saved.length > 0) rows.push({ ...base, at, kind: 'saving', cents: 15 * saved.length, requestId: null, images: saved.length, tiers: `${saved.length}x1K` });
    }
    if (job.state === 'failed' && job.error?.code === 'content_policy_violation') {
      rows.push({ ...base, at, kind: 'may_be_billed', cents: refusedCents(job, state), requestId: `req_${job.id.slice(4)}`, images: 0, tiers: '' });
    }
  }
  rows.sort((a, b) => a.at - b.at || (a.jobId < b.jobId ? -1 : 1));
  return rows.map((row, index) => ({ ...row, id: index + 1 }));
}

/** Rows inside [since, until). */
export function inRange(rows: readonly LedgerRow[], range: { since?: number; until?: number } = {}): LedgerRow[] {
  return rows.filter((row) => (range.since === undefined || row.at >= range.since) && (range.until === undefined || row.at < range.until));
}

/** The fake's summary: sums of its ledger rows, like the engine's. */
export function fakeSummary(state: FakeState, range: { since?: number; until?: number } = {}, now = Date.now()): SpendSummary {
  const all = fakeLedger(state);
  const rows = inRange(all, range);
  const charges = rows.filter((row) => row.kind === 'charge');
  const sum = (list: readonly LedgerRow[]) => list.reduce((total, row) => total + row.cents, 0);
  const periods = spendPeriods(now);
  const spentSince = (since: number) => sum(all.filter((row) => row.kind === 'charge' && row.at >= since));
  const group = <K extends string>(key: (row: LedgerRow) => K) => {
    const totals = new Map<K, number>();
    for (const row of charges) totals.set(key(row), (totals.get(key(row)) ?? 0) + row.cents);
    return totals;
  };
  const totalCents = sum(charges);
  const outputs = charges.reduce((total, row) => total + row.images, 0);
  const byJob = group((row) => row.jobId);
  return {
    today: { spentCents: spentSince(periods.dayStart), capCents: state.spend.budget.dailyCapCents },
    week: { spentCents: spentSince(periods.weekStart), capCents: null },
    month: { spentCents: spentSince(periods.monthStart), capCents: state.spend.budget.monthlyCapCents },
    totalCents,
    mayBeBilledCents: sum(rows.filter((row) => row.kind === 'may_be_billed')),
    reservedCents: state.spend.reservedCents,
    savingsCents: sum(rows.filter((row) => row.kind === 'saving')),
    outputs,
    centsPerOutput: outputs === 0 ? null : Math.round(totalCents / outputs),
    byDay: [...group((row) => localDayKey(row.at))].sort(([a], [b]) => a.localeCompare(b)).map(([day, cents]) => ({ day, cents })),
    byProfile: [...group((row) => row.profileId)].sort((a, b) => b[1] - a[1]).map(([profileId, cents]) => ({
      profileId, name: state.profiles.find((profile) => profile.id === profileId)?.name ?? profileId, cents,
    })),
    byFolder: [...group((row) => row.folderId ?? '')].sort((a, b) => b[1] - a[1]).map(([folderId, cents]) => ({
      folderId: folderId || null, path: state.folders.find((folder) => folder.id === folderId)?.path ?? null, cents,
    })),
    mostExpensive: [...byJob].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([jobId, cents]) => {
      const row = charges.find((candidate) => candidate.jobId === jobId)!;
      return { jobId, sourceName: row.sourceName, cents, at: row.at };
    }),
  };
}
