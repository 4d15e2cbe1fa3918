import { SettingsStore } from '../../settings/settingsStore';
import { openJobStore, type SpendRange } from '../../store';
import { buildSpendSummary, type SpendSummaryData } from './spendSummary';

/**
 * The spend summary of a data folder, read without an engine (the CLI's `spend`): it writes nothing, so it is safe
 * beside a running app. Reservations are shown as stored (the running engine prunes stale ones).
 */
export async function readSpendSummary(dataDir: string, range: SpendRange = {}, now = Date.now()): Promise<SpendSummaryData> {
  const store = openJobStore(dataDir);
  try {
    const settings = new SettingsStore(dataDir).get();
    const folders = new Map(settings.folders.map((folder) => [folder.id, folder.path]));
    return await buildSpendSummary(store, { caps: settings, now, folderPath: (folderId) => folders.get(folderId) }, range);
  } finally {
    await store.close();
  }
}
