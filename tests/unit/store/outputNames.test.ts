import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { outputNameFor } from '../../../electron/engine/output/caseCollisions';
import { foldName } from '../../../electron/engine/output/foldedName';
import type { JobStore } from '../../../electron/engine/store/jobStore';
import { useFreshStore } from './storeFixture';
import { tempDirs } from './tempDir';

let store: JobStore;
useFreshStore((opened) => ({ store } = opened));
const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('output names compared as a case-insensitive share does (migration 19)', () => {
  it('gives a second source whose output differs only by case "name (2)", and each source its own name again on a re-run', async () => {
    const root = dirs.make();
    const desired = (name: string) => join(root, 'in-1080x1080', name);
    const first = await outputNameFor(store.names, '/in/Banner.jpg', desired('Banner.jpg'), root);
    const second = await outputNameFor(store.names, '/in/banner.JPG', desired('banner.jpg'), root);
    expect([first, second]).toEqual([desired('Banner.jpg'), desired('banner (2).jpg')]);
    // Re-runs (and other instances) find the names given: stable.
    expect(await outputNameFor(store.names, '/in/banner.JPG', desired('banner.jpg'), root)).toBe(desired('banner (2).jpg'));
    expect(await outputNameFor(store.names, '/in/Banner.jpg', desired('Banner.jpg'), root)).toBe(desired('Banner.jpg'));
    // A composed and a decomposed accent are one name too; so are folders differing by case.
    const cafe = await outputNameFor(store.names, '/in/a/café.jpg', desired('café.jpg'), root);
    const decomposed = await outputNameFor(store.names, '/in/b/cafe\u0301.jpg', desired('cafe\u0301.jpg'), root);
    expect(foldName(cafe)).not.toBe(foldName(decomposed));
    expect(await outputNameFor(store.names, '/in/Sale/x.jpg', join(root, 'Sale', 'x.jpg'), root)).toBe(join(root, 'Sale', 'x.jpg'));
    expect(await outputNameFor(store.names, '/in/sale/x.jpg', join(root, 'sale', 'x.jpg'), root)).toBe(join(root, 'sale', 'x (2).jpg'));
  });

  it('leaves alone a file already there spelled otherwise (made before, or by another program)', async () => {
    const root = dirs.make();
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out', 'PHOTO.png'), 'x');
    expect(await outputNameFor(store.names, '/in/photo.png', join(root, 'out', 'photo.png'), root)).toBe(join(root, 'out', 'photo (2).png'));
    // The very name is the collision policy's (overwrite, skip, -1), as before.
    expect(await outputNameFor(store.names, '/in/PHOTO.png', join(root, 'out', 'PHOTO.png'), root)).toBe(join(root, 'out', 'PHOTO.png'));
  });

  it('agrees between writers claiming at once: every source one distinct folded name', async () => {
    const root = dirs.make();
    const spellings = ['banner.jpg', 'Banner.jpg', 'BANNER.jpg', 'bAnner.jpg', 'banNER.jpg', 'BaNnEr.jpg'];
    const names = await Promise.all(spellings.map((name) => outputNameFor(store.names, `/in/${name}`, join(root, name), root)));
    expect(new Set(names.map(foldName)).size).toBe(spellings.length);
    const again = await Promise.all(spellings.map((name) => outputNameFor(store.names, `/in/${name}`, join(root, name), root)));
    expect(again).toEqual(names);
  });
});
