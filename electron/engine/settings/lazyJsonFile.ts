import { join } from 'node:path';
import { SmartResizeError, type SmartResizeErrorCode } from '../../domain/errors';
import { prepareLayout } from './fileLayout';
import type { JsonFile, JsonFileSpec, OpenJsonFile } from './jsonFile';

const SCHEMA_VIOLATION = /^Config schema violation: /;

/**
 * A JsonFile opened at its first use, and opened again at the next use while it cannot be: a damaged file (not
 * JSON, or against the schema) or one a newer build wrote makes each read and write fail with `code` and a
 * sentence naming the file, while the host still starts and nothing in the file is overwritten. The person can fix
 * or move the file and carry on. A file about to be migrated is backed up first (prepareLayout).
 */
export function lazyJsonFile(spec: JsonFileSpec, open: OpenJsonFile, code: SmartResizeErrorCode): JsonFile {
  const path = join(spec.dataDir, `${spec.name}.json`);
  let opened: JsonFile | undefined;
  const openChecked = (): JsonFile => {
    const verdict = prepareLayout(spec, path);
    if (verdict.kind === 'newer') {
      throw new SmartResizeError(
        code,
        `${spec.title} ${path} was written by a newer version of Smart Resize (layout ${verdict.layout}; this version reads up to ${verdict.latest}). Update the app; the file was left as it is.`,
      );
    }
    return open(spec);
  };
  const file = (): JsonFile => (opened ??= reported(openChecked, (reason) => damaged(spec, path, code, reason)));
  return {
    path,
    read: () => reported(() => file().read(), (reason) => damaged(spec, path, code, reason)),
    // The engine validates before writing, so the library refusing a write is a disagreement worth a clear error.
    write: (contents) => reported(() => file().write(contents), (reason) => new SmartResizeError(code, `${spec.title} ${path} refused the change (${reason}).`)),
  };
}

function damaged(spec: JsonFileSpec, path: string, code: SmartResizeErrorCode, reason: string): SmartResizeError {
  return new SmartResizeError(code, `${spec.title} ${path} is damaged (${reason}); fix it or move it away.`);
}

/** Runs `action`, turning the libraries' JSON and schema errors into `error(reason)`; other errors pass through. */
function reported<T>(action: () => T, error: (reason: string) => SmartResizeError): T {
  try {
    return action();
  } catch (cause) {
    if (cause instanceof SyntaxError) throw Object.assign(error('not valid JSON'), { cause });
    if (cause instanceof Error && SCHEMA_VIOLATION.test(cause.message)) throw Object.assign(error(cause.message.replace(SCHEMA_VIOLATION, '')), { cause });
    throw cause;
  }
}
