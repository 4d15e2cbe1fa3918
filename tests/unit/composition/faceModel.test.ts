import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadFaceModel } from '../../../electron/engine/composition/detection/faceModel';
import { loadHuman } from '../../../electron/engine/composition/detection/humanModels';
import { makeCompositionScene } from '../../support/images/compositionScene';

/** human's own face pipeline (what the workers ran before), for comparison. */
interface HumanFaces {
  detect(input: unknown): Promise<{ face: Array<{ box: [number, number, number, number]; score: number }> }>;
  tf: { tensor4d(values: Int32Array, shape: number[], dtype: 'int32'): { dispose(): void } };
}

describe('BlazeFace run directly (faceModel)', () => {
  it("finds the same face boxes and scores as human's pipeline, for less work", async () => {
    const scene = await makeCompositionScene({
      name: 'two people',
      width: 1200,
      height: 800,
      seed: 7,
      people: [
        { patch: 0, x: 0.25, y: 0.6, height: 0.6 },
        { patch: 1, x: 0.72, y: 0.6, height: 0.55 },
      ],
      texts: [],
    });
    const { data, info } = await sharp(scene.raw.data, { raw: scene.raw }).resize(640, 640, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
    const detail = { data: new Uint8Array(data), width: info.width, height: info.height, channels: info.channels };
    const own = await (await loadFaceModel()).detect(detail);
    const human = (await loadHuman({ faces: true, objects: false })) as unknown as HumanFaces;
    const pixels = new Int32Array(detail.width * detail.height * 3);
    for (let index = 0, source = 0; index < pixels.length; index += 3, source += detail.channels) pixels.set(detail.data.subarray(source, source + 3), index);
    const tensor = human.tf.tensor4d(pixels, [1, detail.height, detail.width, 3], 'int32');
    const theirs = (await human.detect(tensor)).face.filter((face) => face.score >= 0.5);
    tensor.dispose();
    expect(own.length).toBe(2);
    const byLeft = <T extends { left: number }>(boxes: T[]) => boxes.sort((a, b) => a.left - b.left);
    expect(byLeft(own.map((face) => ({ ...face.box, score: face.score })))).toEqual(
      byLeft(theirs.map(({ box: [left, top, width, height], score }) => ({ left, top, width, height, score }))),
    );
  });
});
