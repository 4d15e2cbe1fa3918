import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSourceImage } from '../../../electron/engine/decode';
import { detectSubject } from '../../../electron/engine/local';
import { boxContains } from '../../../electron/engine/local/geometry';
import { makeSubjectScene } from '../../support/images/subjectScene';

// shared/ beside the checkout, wherever it is (CI lays its copy there).
const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');

describe('detectSubject', () => {
  it('finds nothing in a fully transparent image', async () => {
    const source = await loadSourceImage(join(CORPUS, 'full-transparent.png'));
    expect(await detectSubject(source.raw)).toBeNull();
  });

  it('finds nothing in a flat colour', async () => {
    const data = Buffer.alloc(120 * 80 * 3, 137);
    expect(await detectSubject({ data, width: 120, height: 80, channels: 3 })).toBeNull();
  });

  it('boxes a distinct object on a textured background, wherever it sits', async () => {
    for (const [centreX, centreY] of [[0.5, 0.5], [0.2, 0.25], [0.8, 0.75], [0.12, 0.85]]) {
      const scene = makeSubjectScene({ width: 500, height: 350, centreX: centreX!, centreY: centreY!, objectWidth: 60, objectHeight: 40, shape: 'rect', seed: 7 });
      const box = await detectSubject(scene.raw);
      expect(box).not.toBeNull();
      expect(boxContains(box!, scene.object)).toBe(true);
      // Tight enough to be useful: not the whole image.
      expect(box!.width * box!.height).toBeLessThan(scene.object.width * scene.object.height * 4);
    }
  });

  it('boxes the opaque part of a logo on a transparent canvas', async () => {
    const data = Buffer.alloc(200 * 100 * 4);
    for (let y = 30; y < 70; y += 1) for (let x = 120; x < 180; x += 1) data.set([10, 10, 200, 255], (y * 200 + x) * 4);
    const box = await detectSubject({ data, width: 200, height: 100, channels: 4 });
    expect(box).not.toBeNull();
    expect(boxContains(box!, { left: 120, top: 30, width: 60, height: 40 })).toBe(true);
    expect(box!.left).toBeGreaterThan(100);
  });
});
