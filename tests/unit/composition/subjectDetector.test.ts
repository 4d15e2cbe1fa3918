import { afterAll, describe, expect, it } from 'vitest';
import { iou } from '../../../electron/engine/composition/boxMath';
import { SubjectDetector } from '../../../electron/engine/composition/detection';
import { makeCompositionScene } from '../../support/images/compositionScene';

/** Two real people (photos from @vladmandic/human's samples) and a headline set in DejaVu Sans Bold over a texture. */
async function scene() {
  return makeCompositionScene({
    name: 'two people and a headline',
    width: 1200,
    height: 800,
    seed: 7,
    people: [
      { patch: 0, x: 0.25, y: 0.6, height: 0.6 },
      { patch: 1, x: 0.72, y: 0.6, height: 0.55 },
    ],
    texts: [{ text: 'SPRING COLLECTION', font: 'DejaVu Sans', weight: 'bold', size: 0.08, colour: '#ffffff', x: 0.08, y: 0.17 }],
  });
}

describe('SubjectDetector (worker thread)', () => {
  const detector = new SubjectDetector();
  afterAll(() => detector.close());

  it('finds the faces, the people and the headline, once per content hash', async () => {
    const { raw, elements } = await scene();
    const found = await detector.detect(raw, { contentHash: 'scene-1' });
    expect(found.notes).toEqual([]);
    expect(found.cached).toBe(false);
    // A cold detector: this first detection waited on the models loading.
    expect(Object.keys(found.timings)).toContain('modelLoad');
    for (const face of elements.filter((element) => element.kind === 'face')) {
      const best = Math.max(...found.subjects.filter((subject) => subject.kind === 'face').map((subject) => iou(subject.box, face.box)));
      expect(best, face.label).toBeGreaterThan(0.4);
    }
    const text = elements.find((element) => element.kind === 'text')!;
    const bestText = Math.max(0, ...found.subjects.filter((subject) => subject.kind === 'text').map((subject) => iou(subject.box, text.box)));
    expect(bestText).toBeGreaterThan(0.5);
    expect(found.subjects.some((subject) => subject.kind === 'object' && subject.label === 'person')).toBe(true);
    expect(found.subjects.some((subject) => subject.kind === 'saliency')).toBe(true);

    // The same content again (at another decode size): from the cache, boxes rescaled, no worker round trip.
    const half = { ...raw, width: raw.width / 2, height: raw.height / 2, data: Buffer.alloc((raw.width / 2) * (raw.height / 2) * 3) };
    const again = await detector.detect(half, { contentHash: 'scene-1' });
    expect(again.cached).toBe(true);
    const firstFace = found.subjects.find((subject) => subject.kind === 'face')!;
    const sameFace = again.subjects.find((subject) => subject.kind === 'face')!;
    expect(sameFace.box.left).toBeCloseTo(firstFace.box.left / 2, 5);
  });

  it('runs the object model in a worker of its own, beside saliency, text and faces, with models loaded by warmUp', async () => {
    const warmed = new SubjectDetector();
    try {
      await warmed.warmUp();
      const { raw } = await scene();
      const found = await warmed.detect(raw);
      expect(found.notes).toEqual([]);
      // Warmed: the first detection does not wait on (or time) a model load in either worker.
      expect(Object.keys(found.timings)).not.toContain('modelLoad');
      // Each worker's round trip is timed apart: the scene worker (saliency, text, faces) and the object worker.
      expect(Object.keys(found.timings)).toEqual(expect.arrayContaining(['scene', 'saliency', 'text', 'faces', 'objectsWall', 'objects']));
      expect(found.subjects.some((subject) => subject.kind === 'face')).toBe(true);
      expect(found.subjects.some((subject) => subject.kind === 'object')).toBe(true);
      // Without the models, the object worker is not asked at all.
      const plain = await warmed.detect(raw, { choice: { models: false } });
      expect(Object.keys(plain.timings)).not.toContain('objectsWall');
      expect(plain.subjects.map((subject) => subject.kind)).not.toContain('face');
      expect(plain.subjects.map((subject) => subject.kind)).toContain('text');
    } finally {
      await warmed.close();
    }
  });

  it('falls back to the saliency box, and says so, when detection runs over its time limit', async () => {
    const hasty = new SubjectDetector(1);
    try {
      const { raw } = await scene();
      const found = await hasty.detect(raw, { contentHash: 'scene-2' });
      expect(found.notes.join()).toMatch(/subject detection failed \(it took longer than .*\): layouts use the saliency map only/);
      expect(found.subjects.map((subject) => subject.kind)).toEqual(['saliency']);
    } finally {
      await hasty.close();
    }
  });
});
