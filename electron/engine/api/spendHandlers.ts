import type { ApiHandlers } from '../../shared/contract/types';
import type { Budget } from '../../shared/schemas/spend';
import type { EngineParts } from '../runtime/engineParts';
import type { BudgetSettings } from '../spend';
import type { LedgerEntry } from '../store';

type SpendGroups = Pick<ApiHandlers, 'spend' | 'budget'>;

/** The spend ledger, its summaries and CSV, held work, and the budget caps, over the engine's spend parts. */
export function spendHandlers(engine: EngineParts): SpendGroups {
  const { reports, bursts, budget } = engine.spend;
  return {
    spend: {
      summary: async (range) => ({ ...(await reports.summary(range ?? {})), preflight: await engine.store.outputs.preflightCounts(range ?? {}) }),
      ledger: async ({ since, until, cursor, limit }) => {
        const page = await reports.page({ since, until }, limit, cursor);
        return { rows: page.rows.map(toLedgerRow), nextCursor: page.nextCursor };
      },
      exportCsv: async (range) => reports.csv(range ?? {}),
      held: async () => reports.held(),
      releaseBurst: async ({ folderId }) => ({ released: await bursts.release(folderId) }),
      discardBurst: async ({ folderId }) => ({ cancelled: await bursts.discard(folderId) }),
    },
    budget: {
      get: async () => toBudget(budget.get()),
      update: async (patch) => toBudget(await budget.update(patch)),
    },
  };
}

function toLedgerRow(entry: LedgerEntry) {
  return {
    id: entry.id,
    at: entry.at,
    kind: entry.kind,
    cents: entry.cents,
    jobId: entry.jobId,
    sourceName: entry.sourceName,
    requestId: entry.requestId,
    profileId: entry.profileId,
    profileName: entry.profileName,
    folderId: entry.folderId,
    images: entry.images,
    tiers: entry.tiers,
  };
}

function toBudget(budget: BudgetSettings): Budget {
  return { ...budget, folderCaps: budget.folderCaps.map((cap) => ({ ...cap })) };
}
