import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonContents, JsonFileSpec } from './jsonFile';

/** The newest layout this build knows: its last migration's number (0 for a file never migrated). */
export function latestLayout(spec: JsonFileSpec): number {
  return Math.max(0, ...spec.migrations.map((migration) => migration.number));
}

/** The file's contents as they are on disk, before any library touches them; undefined when there is no file. */
function rawContents(path: string): JsonContents | undefined {
  if (!existsSync(path)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as JsonContents) : {};
}

/** The layout of a file: what it says itself (spec.layoutOf) or the migration the library recorded, the higher. */
function layoutOf(spec: JsonFileSpec, contents: JsonContents): number {
  const recorded = (contents['__internal__'] as { migrations?: { version?: unknown } } | undefined)?.migrations?.version;
  const major = typeof recorded === 'string' ? Number.parseInt(recorded, 10) : Number.NaN;
  return Math.max(spec.layoutOf?.(contents) ?? 0, Number.isInteger(major) ? major : 0);
}

/** What opening a file will do to it: nothing, migrate it from `from`, or refuse it (a newer build wrote it). */
export type LayoutVerdict = { kind: 'current' } | { kind: 'migrate'; from: number } | { kind: 'newer'; layout: number; latest: number };

/**
 * Looks at a file before it is opened, and copies one about to be migrated to `<name>.v<from>.backup.json` beside
 * it (once): a migration never loses what was there, even if it had a bug. Throws SyntaxError for a file that is
 * not JSON. Both hosts call this before their library opens the file, so both keep the same backups.
 */
export function prepareLayout(spec: JsonFileSpec, path: string): LayoutVerdict {
  const contents = rawContents(path);
  if (contents === undefined) return { kind: 'current' };
  const layout = layoutOf(spec, contents);
  const latest = latestLayout(spec);
  if (layout > latest) return { kind: 'newer', layout, latest };
  if (layout === latest) return { kind: 'current' };
  const backup = join(spec.dataDir, `${spec.name}.v${layout}.backup.json`);
  if (!existsSync(backup)) copyFileSync(path, backup);
  return { kind: 'migrate', from: layout };
}
