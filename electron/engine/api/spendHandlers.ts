import type { ApiHandlers } from '../../shared/contract/types';
import type { Budget } from '../../shared/schemas/spend';
import type { Engine } from '../runtime/engine';
import { countOutputPreflight } from '../store/preflightCounts';
import type { BudgetSettings, LedgerEntry } from '../spend';

type SpendGroups = Pick<ApiHandlers, 'spend' | 'budget'>;

/** The spend ledger, its summaries and CSV, held work, and the budget caps, over the engine's spend service. */
export function spendHandlers(engine: Engine): SpendGroups {
  const { spend } = engine;
  return {
    spend: {
      summary: async (range) => ({ ...spend.summary(range ?? {}), preflight: countOutputPreflight(engine.store.db, range ?? {}) }),
      ledger: async ({ since, until, cursor, limit }) => {
        const page = spend.page({ since, until }, limit, cursor);
        return { rows: page.rows.map(toLedgerRow), nextCursor: page.nextCursor };
      },
      exportCsv: async (range) => spend.csv(range ?? {}),
      held: async () => spend.held(),
      releaseBurst: async ({ folderId }) => ({ released: spend.releaseBurst(folderId) }),
      discardBurst: async ({ folderId }) => ({ cancelled: await spend.discardBurst(folderId) }),
    },
    budget: {
      get: async () => toBudget(spend.budget()),
      update: async (patch) => toBudget(spend.updateBudget(patch)),
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
