import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER_SRC = join(import.meta.dirname, '../../../renderer/src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// `import { X } from '.../electron/shared'` (not `import type`): the index re-exports every contract module, and a
// value import through it makes the bundler carry all their schemas (and zod) along with X.
const VALUE_IMPORT_OF_SHARED_INDEX = /^import\s+(?!type\b)[^;]*?from\s+'(?:\.\.\/)+electron\/shared'/m;

describe('renderer imports from electron/shared', () => {
  it('take values from the module that defines them, never through the index', () => {
    const offenders = sourceFiles(RENDERER_SRC)
      .filter((file) => VALUE_IMPORT_OF_SHARED_INDEX.test(readFileSync(file, 'utf8')))
      .map((file) => relative(RENDERER_SRC, file));
    expect(offenders).toEqual([]);
  });
});
