import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createThumbnailCache } from '../../../electron/engine/api/thumbnailCache';

describe('the preview cache', () => {
  let folder: string;
  let file: string;
  let renders: number;
  const render = async () => `data:image/jpeg;base64,preview-${(renders += 1)}`;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'thumbnail-cache-'));
    file = join(folder, 'photo.jpg');
    writeFileSync(file, 'first version');
    renders = 0;
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('renders an unchanged file once per size', async () => {
    const cache = createThumbnailCache();
    const first = await cache.get(file, 96, render);
    expect(await cache.get(file, 96, render)).toBe(first);
    expect(renders).toBe(1);
    await cache.get(file, 480, render);
    expect(renders).toBe(2);
  });

  it('renders again once the file has changed', async () => {
    const cache = createThumbnailCache();
    await cache.get(file, 96, render);
    writeFileSync(file, 'second, longer version');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(await cache.get(file, 96, render)).toBe('data:image/jpeg;base64,preview-2');
  });

  it('renders once for requests that arrive together', async () => {
    const cache = createThumbnailCache();
    const answers = await Promise.all([cache.get(file, 96, render), cache.get(file, 96, render), cache.get(file, 96, render)]);
    expect(new Set(answers).size).toBe(1);
    expect(renders).toBe(1);
  });

  it('keeps no failure, and lets the renderer report a file it cannot read', async () => {
    const cache = createThumbnailCache();
    await expect(cache.get(file, 96, () => Promise.reject(new Error('not an image')))).rejects.toThrow('not an image');
    expect(await cache.get(file, 96, render)).toBe('data:image/jpeg;base64,preview-1');
    await expect(cache.get(join(folder, 'gone.jpg'), 96, () => Promise.reject(new Error('no such file')))).rejects.toThrow('no such file');
  });

  it('drops the least recently used previews beyond its size', async () => {
    const other = join(folder, 'other.jpg');
    writeFileSync(other, 'another file');
    const preview = 'data:image/jpeg;base64,preview-0';
    const cache = createThumbnailCache(preview.length + 10);
    await cache.get(file, 96, render);
    await cache.get(other, 96, render);
    await cache.get(file, 96, render);
    expect(renders).toBe(3);
  });
});
