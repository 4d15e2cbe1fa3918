import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Locator } from '@playwright/test';

/**
 * Drops files from disk on an element the way a person's drag does: a real `drop` event whose DataTransfer holds
 * File objects (made in the page from the files' bytes), preceded by `dragover` as browsers send it.
 */
export async function dropFilesOn(target: Locator, paths: string[], mimeType = 'image/jpeg'): Promise<void> {
  const files = paths.map((path) => ({ name: basename(path), base64: readFileSync(path).toString('base64') }));
  // evaluateHandle runs in the page; the node typings here have no DOM lib, so the page's globals are reached by name.
  const dataTransfer = await target.page().evaluateHandle(
    ({ files, mimeType }) => {
      const page = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
        Uint8Array: typeof Uint8Array;
        atob(data: string): string;
      };
      const transfer = new page.DataTransfer();
      for (const file of files) {
        const bytes = page.Uint8Array.from(page.atob(file.base64), (char) => char.charCodeAt(0));
        transfer.items.add(new page.File([bytes], file.name, { type: mimeType }));
      }
      return transfer;
    },
    { files, mimeType },
  );
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}
