import type { Subject } from '../subjects';
import { centerNetArtifacts } from './centerNetModel';
import { COCO_LABELS } from './cocoLabels';
import type { WorkerImage } from './detectionProtocol';
import { type HumanLike, humanModelsFolder, loadHuman } from './humanModels';
import { resizedRgbInput } from './modelInput';

/**
 * CenterNet's input's long side here; the short side follows the image's aspect (objectInputShape). human runs it
 * at 512 x 512; 384 x 384 costs about (384/512)^2 = 56% of that (the object model is the slowest step of a
 * detection). bench:local, tuning set at 512 / 384 / 320 square: salient whole 85.0 / 85.0 / <85%, padded plans
 * 53 / 54 / 55%, fill 29.9 / 30.3 / 31.2% (before issue 13: 30.1%); hold-out set: 91 / 91 / 90%, 63 / 63 / 61%,
 * 36.4 / 36.5 / 35.8% (before: 34.6%). Small objects are what a smaller input misses first.
 * 352 (a 3:2 photo at 352 x 256, 81% of 384 x 288's pixels: CenterNet's CPU 88 -> 76 ms at 1 MP) keeps as much
 * whole as 384 on both measurement sets with the planner of 4f08d7a (salient / text / faces whole: tuning 86.4 /
 * 82.5 / 99.3 -> 86.4 / 83.3 / 99.7%, hold-out 87.3 / 85.6 / 100 -> 87.3 / 85.6 / 100%; padded plans and fill
 * 52.9 / 28.3 -> 53.3 / 28.7% and 53.3 / 31.1 -> 52.5 / 30.6%); 320, and 352 or 384 with the short side rounded to
 * the nearest 32 instead of up, each lost a subject, a line or a face whole on one of the sets.
 */
export const OBJECT_INPUT_SIDE = 352;
/** The input's short side is a multiple of this (the network's stride), and at least this. */
const STRIDE = 32;
/** Input shapes kept loaded in a worker (one graph of the shared weights each; photos come in a few aspects). */
const SHAPES_KEPT = 6;
/** Confidence below which an object box is ignored: lower ones are mostly texture that looks like one. */
const MIN_OBJECT_SCORE = 0.35;
/** Boxes overlapping more than this (IoU) are one object (human's own setting). */
const IOU_THRESHOLD = 0.4;
const MAX_OBJECTS = 10;

/** The object model of one worker: people, animals and things (COCO classes) in an image, in its pixels. */
export interface ObjectModel {
  detect(image: WorkerImage): Promise<Subject[]>;
}

/**
 * CenterNet's input for an image: `side` on its long side, the short side in proportion, rounded up to the
 * network's stride. A 3:2 photo (a 640 x 427 thumbnail) ran at 384 x 288, three quarters of a square input's
 * cost (1 MP bench photo: 128 -> 94 ms), and objects keep their shape instead of being stretched to a square.
 * bench:local's measurement sets at 384, square -> this: people found (IoU >= 0.5) 64 -> 63 of 99, hold-out padded
 * plans 64.2 -> 63.8%, fill 36.1 -> 35.8%, salient whole 85.4 -> 86.7% (tuning), 91.7 -> 91.3% (hold-out).
 */
export function objectInputShape(image: { width: number; height: number }, side = OBJECT_INPUT_SIDE): { width: number; height: number } {
  const short = Math.min(side, Math.max(STRIDE, Math.ceil((side * Math.min(image.width, image.height)) / Math.max(image.width, image.height) / STRIDE) * STRIDE));
  return image.width >= image.height ? { width: side, height: short } : { width: short, height: side };
}

/**
 * Loads TensorFlow.js's WASM backend (through human, with none of its own models) and CenterNet; the graph for
 * each input shape is made the first time an image of that shape comes (the few most recent kept).
 */
export async function loadObjectModel(side = OBJECT_INPUT_SIDE): Promise<ObjectModel> {
  const human: HumanLike = await loadHuman({ faces: false, objects: false });
  const { tf } = human;
  const folder = humanModelsFolder();
  const graphs = new Map<string, Promise<Awaited<ReturnType<typeof tf.loadGraphModel>>>>();
  const graphFor = (shape: { width: number; height: number }) => {
    const key = `${shape.width}x${shape.height}`;
    let graph = graphs.get(key);
    if (graph) graphs.delete(key);
    graph ??= centerNetArtifacts(folder, shape.width, shape.height).then((artifacts) => tf.loadGraphModel(tf.io.fromMemory(artifacts)));
    // Most recent last: the oldest shape goes first when too many are kept.
    graphs.set(key, graph);
    if (graphs.size > SHAPES_KEPT) {
      const [oldestKey, oldest] = graphs.entries().next().value!;
      graphs.delete(oldestKey);
      void oldest.then((model) => model.dispose(), () => undefined);
    }
    return graph;
  };
  // The square graph now: a load that fails fails here, at warm-up, not on the first image.
  await graphFor({ width: side, height: side });
  return {
    async detect(image) {
      const shape = objectInputShape(image, side);
      const model = await graphFor(shape);
      const resized = resizedRgbInput(tf, image, shape.width, shape.height);
      const output = model.execute(resized, ['tower_0/detections']);
      resized.dispose();
      // Rows of [x1, y1, x2, y2, score, class], corners in input pixels.
      const [rows] = (await output.array()) as number[][][];
      output.dispose();
      const found = rows!.filter((row) => row[4]! >= MIN_OBJECT_SCORE && Number.isFinite(row[5]));
      if (found.length === 0) return [];
      const boxes = tf.tensor2d(found.map(([x1, y1, x2, y2]) => [y1!, x1!, y2!, x2!]), [found.length, 4], 'float32');
      const scores = tf.tensor1d(found.map((row) => row[4]!), 'float32');
      const kept = await tf.image.nonMaxSuppressionAsync(boxes, scores, MAX_OBJECTS, IOU_THRESHOLD, MIN_OBJECT_SCORE);
      const indices = Array.from(await kept.data());
      boxes.dispose();
      scores.dispose();
      kept.dispose();
      const sx = image.width / shape.width;
      const sy = image.height / shape.height;
      return indices.map((index): Subject => {
        const [x1, y1, x2, y2, score, label] = found[index]!;
        const left = Math.max(0, x1! * sx);
        const top = Math.max(0, y1! * sy);
        const box = { left, top, width: Math.min(image.width, x2! * sx) - left, height: Math.min(image.height, y2! * sy) - top };
        return { kind: 'object', box, score: score!, label: COCO_LABELS[label!] ?? 'object' };
      });
    },
  };
}
