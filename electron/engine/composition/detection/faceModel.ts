import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Subject } from '../subjects';
import type { WorkerImage } from './detectionProtocol';
import { type HumanLike, type TensorLike, humanModelsFolder, loadHuman } from './humanModels';
import { resizedRgbInput } from './modelInput';

/** BlazeFace's input side (human's shipped `blazeface.json`, the back-camera model). */
const INPUT_SIDE = 256;
/** Confidence below which a face box is ignored: lower ones are mostly texture that looks like one. */
const MIN_FACE_SCORE = 0.5;
/** human's defaults for its face detector, kept so the boxes are the ones human gives: overlap, box enlargement. */
const IOU_THRESHOLD = 0.1;
const BOX_SCALE = 1.4;
const MAX_FACES = 20;

/** The face model of one worker: faces in an image, in its pixels. */
export interface FaceModel {
  detect(image: WorkerImage): Promise<Subject[]>;
}

/**
 * BlazeFace run directly, the way human runs it with everything else off (resize to 256, scale to -1..1, anchors,
 * non-max suppression, the box enlarged by 1.4 and squared), without human's per-call pipeline: its input
 * handling, result assembly and the face crop it cuts for the (disabled) mesh cost about as much as the network.
 */
export async function loadFaceModel(): Promise<FaceModel> {
  const human: HumanLike = await loadHuman({ faces: false, objects: false });
  const { tf } = human;
  const model = await tf.loadGraphModel(pathToFileURL(join(humanModelsFolder(), 'blazeface.json')).href);
  const anchors = blazeFaceAnchors(INPUT_SIDE);
  return {
    async detect(image) {
      const resized = resizedRgbInput(tf, image, INPUT_SIDE);
      const normalized = tf.sub(tf.div(resized, 127.5), 1);
      resized.dispose();
      const rows = await anchorRows(model.execute(normalized, undefined) as unknown as TensorLike[]);
      normalized.dispose();
      const candidates = rows.map(({ logit, box }, index) => {
        const centreX = box[0]! + anchors[index]![0];
        const centreY = box[1]! + anchors[index]![1];
        const corners = [centreX - box[2]! / 2, centreY - box[3]! / 2, centreX + box[2]! / 2, centreY + box[3]! / 2];
        return { corners, score: 1 / (1 + Math.exp(-logit)) };
      });
      const boxes = tf.tensor2d(candidates.map((candidate) => candidate.corners), [candidates.length, 4], 'float32');
      const scores = tf.tensor1d(candidates.map((candidate) => candidate.score), 'float32');
      const kept = await tf.image.nonMaxSuppressionAsync(boxes, scores, MAX_FACES, IOU_THRESHOLD, MIN_FACE_SCORE);
      const indices = Array.from(await kept.data());
      boxes.dispose();
      scores.dispose();
      kept.dispose();
      const sx = image.width / INPUT_SIDE;
      const sy = image.height / INPUT_SIDE;
      return indices.flatMap((index): Subject[] => {
        const { corners, score } = candidates[index]!;
        const [x1, y1, x2, y2] = [corners[0]! * sx, corners[1]! * sy, corners[2]! * sx, corners[3]! * sy];
        // human's enlargeBox then squarifyBox: the box grown by 1.4 about its centre, then square on its long side.
        const centreX = (x1 + x2) / 2;
        const centreY = (y1 + y2) / 2;
        const half = (BOX_SCALE * Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1))) / 2;
        const [left, top, right, bottom] = [Math.round(centreX - half), Math.round(centreY - half), Math.round(centreX + half), Math.round(centreY + half)];
        const roundedScore = Math.round(100 * score) / 100;
        if (right <= left || roundedScore < MIN_FACE_SCORE) return [];
        // human's clampBox: inside the image, whole pixels.
        const clampedLeft = Math.trunc(Math.max(0, left));
        const clampedTop = Math.trunc(Math.max(0, top));
        const box = { left: clampedLeft, top: clampedTop, width: Math.trunc(Math.min(image.width, right) - Math.max(0, left)), height: Math.trunc(Math.min(image.height, bottom) - Math.max(0, top)) };
        return [{ kind: 'face', box, score: roundedScore }];
      });
    },
  };
}

/**
 * This graph (human's conversion) answers in four tensors: a logit and a box row (centre x, centre y, width, height,
 * 6 landmarks x 2, in input pixels) for the 512 anchors of the fine grid and the 384 of the coarse one. Rows in
 * anchor order, fine grid first (as human joins them); the tensors are disposed.
 */
async function anchorRows(outputs: TensorLike[]): Promise<Array<{ logit: number; box: number[] }>> {
  const arrays = (await Promise.all(outputs.map((output) => output.array()))) as number[][][][];
  for (const output of outputs) output.dispose();
  const find = (anchors: number, width: number) => {
    const found = arrays.find((array) => array[0]!.length === anchors && array[0]![0]!.length === width);
    if (!found) throw new Error('BlazeFace answered in an unexpected shape');
    return found[0]!;
  };
  return [512, 384].flatMap((anchors) => {
    const logits = find(anchors, 1);
    const boxes = find(anchors, 16);
    return logits.map((logit, index) => ({ logit: logit[0]!, box: boxes[index]! }));
  });
}

/** BlazeFace's anchor centres (human's generateAnchors): strides of side/16 (2 per cell) and side/8 (6 per cell). */
function blazeFaceAnchors(side: number): Array<[number, number]> {
  const anchors: Array<[number, number]> = [];
  for (const [stride, perCell] of [[side / 16, 2], [side / 8, 6]] as const) {
    const cells = Math.floor((side + stride - 1) / stride);
    for (let y = 0; y < cells; y += 1) {
      for (let x = 0; x < cells; x += 1) {
        for (let n = 0; n < perCell; n += 1) anchors.push([stride * (x + 0.5), stride * (y + 0.5)]);
      }
    }
  }
  return anchors;
}
