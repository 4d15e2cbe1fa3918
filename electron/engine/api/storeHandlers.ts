import type { ApiHandlers } from '../../shared/contract/types';
import type { StoreChoice } from '../../shared/schemas/storeChoice';
import type { EngineParts } from '../runtime/engineParts';
import { storeInUse } from '../runtime/storeSelection';
import { checkTeamDatabase } from '../store/postgres/checkTeamDatabase';
import { redactUrl } from '../store/postgres/redactUrl';

/**
 * settings.store / settings.setStore: the job store in use and the one chosen in Settings. A PostgreSQL URL is saved
 * only once it answered and its schema is not newer than this app; it applies at the next start (the open store
 * holds leases and in-flight work, so it is not swapped under them).
 */
export function storeHandlers(engine: EngineParts): Pick<ApiHandlers['settings'], 'store' | 'setStore'> {
  const view = (): StoreChoice => {
    const saved = engine.settings.get().store ?? null;
    const inUse = storeInUse(engine.storeSelection, engine.store.path);
    const wanted = storeInUse({ store: saved ?? undefined, source: 'setting' }, engine.store.path);
    const overridden = engine.storeSelection.source === 'flag' || engine.storeSelection.source === 'env';
    return {
      inUse,
      source: engine.storeSelection.source,
      saved: saved === null ? null : redactUrl(saved),
      restartToApply: !overridden && (wanted.kind !== inUse.kind || wanted.location !== inUse.location),
    };
  };
  return {
    store: async () => view(),
    setStore: async ({ url }) => {
      if (url !== null) await checkTeamDatabase(url);
      engine.settings.update({ store: url ?? undefined });
      return view();
    },
  };
}
