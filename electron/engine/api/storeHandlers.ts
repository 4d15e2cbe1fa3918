import type { ApiHandlers } from '../../shared/contract/types';
import type { StoreChoice } from '../../shared/schemas/storeChoice';
import type { EngineParts } from '../runtime/engineParts';
import { storeInUse } from '../runtime/storeSelection';
import { checkTeamDatabase } from '../store/postgres/checkTeamDatabase';
import { defaultInstanceName } from '../store/postgres/pgInstances';
import { PostgresJobStore } from '../store/postgres/pgJobStore';
import { redactUrl } from '../store/postgres/redactUrl';

/**
 * settings.store / setStore / setInstance: the job store in use and the one chosen in Settings, and this instance's
 * name in a team. A PostgreSQL URL is saved only once it answered and its schema is not newer than this app; it and
 * the name apply at the next start (the open store holds leases and in-flight work under that name, so neither is
 * swapped under them).
 */
export function storeHandlers(engine: EngineParts): Pick<ApiHandlers['settings'], 'store' | 'setStore' | 'setInstance'> {
  const view = (): StoreChoice => {
    const settings = engine.settings.get();
    const saved = settings.store ?? null;
    const inUse = storeInUse(engine.storeSelection, engine.store.path);
    const wanted = storeInUse({ store: saved ?? undefined, source: 'setting' }, engine.store.path);
    const overridden = engine.storeSelection.source === 'flag' || engine.storeSelection.source === 'env';
    return {
      inUse,
      source: engine.storeSelection.source,
      saved: saved === null ? null : redactUrl(saved),
      restartToApply: !overridden && (wanted.kind !== inUse.kind || wanted.location !== inUse.location),
      instance: instanceView(engine, settings.instanceName ?? null),
    };
  };
  return {
    store: async () => view(),
    setStore: async ({ url }) => {
      if (url !== null) await checkTeamDatabase(url);
      engine.settings.update({ store: url ?? undefined });
      return view();
    },
    setInstance: async ({ name }) => {
      engine.settings.update({ instanceName: name ?? undefined });
      return view();
    },
  };
}

function instanceView(engine: EngineParts, saved: string | null): StoreChoice['instance'] {
  const { source } = engine.instanceSelection;
  const inUse = engine.store instanceof PostgresJobStore ? engine.store.instance : null;
  const overridden = source === 'flag' || source === 'env';
  const next = overridden ? engine.instanceSelection.name! : (saved ?? defaultInstanceName());
  return { inUse, saved, next, source, restartToApply: inUse !== null && next !== inUse };
}
