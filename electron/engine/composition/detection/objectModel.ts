import type { Subject } from '../subjects';
import { centerNetArtifacts } from './centerNetModel';
import { COCO_LABELS } from './cocoLabels';
import type { WorkerImage } from './detectionProtocol';
import { type HumanLike, humanModelsFolder, loadHuman } from './humanModels';
import { resizedRgbInput } from './modelInput';

/**
 * CenterNet's input side here. human runs it at 512 px; 384 costs about (384/512)^2 = 56% of that (the object model
 * is the slowest step of a detection). bench:local, tuning set at 512 / 384 / 320: salient whole 85.0 / 85.0 / <85%,
 * padded plans 53 / 54 / 55%, fill 29.9 / 30.3 / 31.2% (before issue 13: 30.1%); hold-out set: 91 / 91 / 90%,
 * 63 / 63 / 61%, 36.4 / 36.5 / 35.8% (before: 34.6%). Small objects are what a smaller input misses first.
 */
export const OBJECT_INPUT_SIDE = 384;
/** Confidence below which an object box is ignored: lower ones are mostly texture that looks like one. */
const MIN_OBJECT_SCORE = 0.35;
/** Boxes overlapping more than this (IoU) are one object (human's own setting). */
const IOU_THRESHOLD = 0.4;
const MAX_OBJECTS = 10;

/** The object model of one worker: people, animals and things (COCO classes) in an image, in its pixels. */
export interface ObjectModel {
  detect(image: WorkerImage): Promise<Subject[]>;
}

/** Loads TensorFlow.js's WASM backend (through human, with none of its own models) and CenterNet at OBJECT_INPUT_SIDE. */
export async function loadObjectModel(side = OBJECT_INPUT_SIDE): Promise<ObjectModel> {
  const human: HumanLike = await loadHuman({ faces: false, objects: false });
  const { tf } = human;
  const model = await tf.loadGraphModel(tf.io.fromMemory(await centerNetArtifacts(humanModelsFolder(), side)));
  return {
    async detect(image) {
      const resized = resizedRgbInput(tf, image, side);
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
      const sx = image.width / side;
      const sy = image.height / side;
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
