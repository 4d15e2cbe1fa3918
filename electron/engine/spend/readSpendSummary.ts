import { SettingsStore } from '../settings/settingsStore';
import { openJobStore } from '../store';
import { Reservations } from './reservations';
import type { SpendRange } from './ledgerTypes';
import { SpendLedger } from './spendLedger';
import { buildSpendSummary, type SpendSummaryData } from './spendSummary';

/**
 * The spend summary of a data folder, read without an engine (the CLI's `spend`): it writes nothing, so it is safe
 * beside a running app. Reservations are shown as stored (the running engine prunes stale ones).
 */
export function readSpendSummary(dataDir: string, range: SpendRange = {}, now = Date.now()): SpendSummaryData {
  const store = openJobStore(dataDir);
  try {
    const settings = new SettingsStore(dataDir).get();
    const folders = new Map(settings.folders.map((folder) => [folder.id, folder.path]));
    return buildSpendSummary(
      {
        db: store.db,
        ledger: new SpendLedger(store.db, () => now),
        reservedCents: new Reservations(store.db, () => now).total(),
        unknownSubmitCents: store.requests.unknownSubmitCents(range),
        caps: settings,
        now,
        folderPath: (folderId) => folders.get(folderId),
      },
      range,
    );
  } finally {
    store.close();
  }
}
