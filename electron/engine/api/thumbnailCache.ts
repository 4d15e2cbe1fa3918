import { stat } from 'node:fs/promises';
import { LRUCache } from 'lru-cache';

/** Rendered previews kept in memory, so a list shown again (another page load, scrolling back) is answered at once. */
export interface ThumbnailCache {
  /**
   * The preview of `path` at `maxSide`: from the cache when the file is unchanged since it was rendered (same size,
   * modification time and inode), else from `render`, once even when several requests for it arrive together. A
   * failed render is not kept, and a file that cannot be looked at is simply rendered, so `render` reports why.
   */
  get(path: string, maxSide: number, render: () => Promise<string>): Promise<string>;
}

/** About 2 KB per list preview and 30 KB per detail one: 32 MB keeps thousands of rows' previews. */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** A least-recently-used cache of previews holding at most `maxBytes` of data URLs. */
export function createThumbnailCache(maxBytes = DEFAULT_MAX_BYTES): ThumbnailCache {
  const previews = new LRUCache<string, string, () => Promise<string>>({
    maxSize: maxBytes,
    sizeCalculation: (dataUrl) => dataUrl.length,
    fetchMethod: (_key, _stale, { context: render }) => render(),
  });
  return {
    async get(path, maxSide, render) {
      const file = await stat(path).catch(() => null);
      if (!file) return render();
      return previews.forceFetch(`${maxSide}|${file.size}|${file.mtimeMs}|${file.ino}|${path}`, { context: render });
    },
  };
}
