import { isPostgresUrl } from '../store';
import { redactUrl } from '../store/postgres/redactUrl';

/** Which job store an engine opens and what chose it: `--store`, SMART_RESIZE_STORE, the setting, or the default. */
export interface StoreSelection {
  /** What openStore is given (undefined: SQLite in the data folder). */
  readonly store: string | undefined;
  readonly source: 'flag' | 'env' | 'setting' | 'default';
}

/** The first of the flag, the environment and the Settings setting that names a store; else SQLite. */
export function selectStore(flag: string | undefined, env: string | undefined, setting: string | undefined): StoreSelection {
  if (flag?.trim()) return { store: flag, source: 'flag' };
  if (env?.trim()) return { store: env, source: 'env' };
  if (setting?.trim()) return { store: setting, source: 'setting' };
  return { store: undefined, source: 'default' };
}

/** Which name an engine has in a team and what chose it: `--instance`, SMART_RESIZE_INSTANCE, the setting, or the default. */
export interface InstanceSelection {
  /** What openStore is given (undefined: `user@host`). */
  readonly name: string | undefined;
  readonly source: 'flag' | 'env' | 'setting' | 'default';
}

/** The first of the flag, the environment and the Settings setting that names this instance; else the default. */
export function selectInstance(flag: string | undefined, env: string | undefined, setting: string | undefined): InstanceSelection {
  if (flag?.trim()) return { name: flag.trim(), source: 'flag' };
  if (env?.trim()) return { name: env.trim(), source: 'env' };
  if (setting?.trim()) return { name: setting.trim(), source: 'setting' };
  return { name: undefined, source: 'default' };
}

/** The store in use as the UI shows it: SQLite's file, or the team URL without its password. */
export function storeInUse(selection: StoreSelection, sqlitePath: string): { kind: 'sqlite' | 'postgres'; location: string } {
  return isPostgresUrl(selection.store) ? { kind: 'postgres', location: redactUrl(selection.store!.trim()) } : { kind: 'sqlite', location: sqlitePath };
}
