import type { ApiEventHub, ApiHandlers, LedgerRow } from '../../../electron/shared';
import { ledgerToCsv } from '../../../electron/engine/spend/reports/ledgerCsv';
import { localDayKey } from '../../../electron/engine/spend/spendPeriods';
import { jobChange } from './fakeEvents';
import { fakeLedger, fakeSummary, inRange } from './fakeLedger';
import type { FakeState } from './fakeState';

type SpendGroups = Pick<ApiHandlers, 'spend' | 'budget'>;

/** Per-image price range of a held fake job: 15..30 cents per size plus the 5 cent vision fee. */
function heldRange(state: FakeState, profileId: string): { min: number; max: number } {
  const sizes = state.profiles.find((profile) => profile.id === profileId)?.sizes.filter((size) => size.policy !== 'local') ?? [];
  const sure = sizes.filter((size) => size.policy === 'fal').length;
  return { min: sure === 0 ? 0 : 5 + 15 * sure, max: sizes.length === 0 ? 0 : 5 + 30 * sizes.length };
}

/** Spend and budget verbs of the fake host: a ledger derived from its jobs, caps and held bursts in memory. */
export function fakeSpendHandlers(state: FakeState, hub: ApiEventHub): SpendGroups {
  const heldBurst = (folderId: string | null) =>
    state.jobs.filter((job) => job.state === 'waiting_budget' && state.spend.burstJobIds.has(job.id) && job.folderId === folderId);
  return {
    spend: {
      summary: async (range) => fakeSummary(state, range ?? {}),
      ledger: async ({ since, until, cursor, limit }) => {
        const before = cursor === undefined ? Infinity : Number(cursor);
        const rows = inRange(fakeLedger(state), { since, until }).filter((row) => row.id < before).reverse();
        const page = rows.slice(0, limit);
        return { rows: page, nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null };
      },
      exportCsv: async (range) => {
        const rows = inRange(fakeLedger(state), range ?? {});
        const entries = rows.map((row: LedgerRow) => ({ ...row, requestRowId: null, profileVersion: 1, folderPath: null }));
        return { fileName: `smart-resize-spend-${localDayKey(Date.now())}.csv`, csv: ledgerToCsv(entries) };
      },
      held: async () => {
        const groups = new Map<string | null, { folderId: string | null; jobs: number; minCents: number; maxCents: number }>();
        let capJobs = 0;
        let reason: string | null = null;
        for (const job of state.jobs.filter((candidate) => candidate.state === 'waiting_budget')) {
          if (!state.spend.burstJobIds.has(job.id)) {
            capJobs += 1;
            reason = job.error?.message ?? reason;
            continue;
          }
          const range = heldRange(state, job.profileId);
          const group = groups.get(job.folderId) ?? { folderId: job.folderId, jobs: 0, minCents: 0, maxCents: 0 };
          groups.set(job.folderId, { ...group, jobs: group.jobs + 1, minCents: group.minCents + range.min, maxCents: group.maxCents + range.max });
        }
        return { burst: [...groups.values()], cap: { jobs: capJobs, reason } };
      },
      releaseBurst: async ({ folderId }) => {
        const jobs = heldBurst(folderId);
        for (const job of jobs) {
          state.spend.burstJobIds.delete(job.id);
          Object.assign(job, { state: 'queued', error: null });
          hub.emit(jobChange(job));
        }
        return { released: jobs.length };
      },
      discardBurst: async ({ folderId }) => {
        const jobs = heldBurst(folderId);
        for (const job of jobs) {
          state.spend.burstJobIds.delete(job.id);
          Object.assign(job, { state: 'cancelled', finishedAt: Date.now() });
          hub.emit(jobChange(job));
        }
        return { cancelled: jobs.length };
      },
    },
    budget: {
      get: async () => structuredClone(state.spend.budget),
      update: async (patch) => {
        Object.assign(state.spend.budget, patch);
        return structuredClone(state.spend.budget);
      },
    },
  };
}
