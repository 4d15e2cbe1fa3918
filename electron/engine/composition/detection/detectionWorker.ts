import { parentPort } from 'node:worker_threads';
import { describeError } from '../../../domain/errors';
import { saliencyMap } from '../../local/saliencyMap';
import { salientBounds } from '../../local/salientRegion';
import type { Subject } from '../subjects';
import type { DetectionTasks, DetectReply, DetectRequest, WorkerImage } from './detectionProtocol';
import { type FaceModel, loadFaceModel } from './faceModel';
import { type ObjectModel, loadObjectModel } from './objectModel';
import { textPlanes } from './textPlanes';
import { findTextBlocks } from './textRegions';

/**
 * A detection worker: runs off the engine's event loop. It loads the models its requests name (one worker gets
 * faces, BlazeFace; the other objects, CenterNet at a smaller input; both human's, on its TensorFlow.js) once and keeps them; if they fail to
 * load, every reply says so and carries the other subjects only.
 */
let faceModel: Promise<FaceModel> | undefined;
let objectModel: Promise<ObjectModel> | undefined;
/** The model promises that have settled: a detection waits on (and times as `modelLoad`) only the others. */
const settled = new WeakSet<Promise<unknown>>();

parentPort?.on('message', (request: DetectRequest) => {
  void handle(request).then((reply) => parentPort?.postMessage(reply));
});

/** The models these tasks need, loading (once) those not loaded yet. */
function models(tasks: DetectionTasks): Promise<{ faces?: FaceModel; objects?: ObjectModel }> {
  if (tasks.faces) faceModel ??= whenSettled(loadFaceModel());
  if (tasks.objects) objectModel ??= whenSettled(loadObjectModel(tasks.objectInputSide));
  return Promise.all([tasks.faces ? faceModel : undefined, tasks.objects ? objectModel : undefined]).then(([faces, objects]) => ({ faces, objects }));
}

/** Whether the models these tasks need are loaded (or failed) already. */
function modelsSettled(tasks: DetectionTasks): boolean {
  return (!tasks.faces || (faceModel !== undefined && settled.has(faceModel))) && (!tasks.objects || (objectModel !== undefined && settled.has(objectModel)));
}

function whenSettled<T>(promise: Promise<T>): Promise<T> {
  const mark = () => settled.add(promise);
  promise.then(mark, mark);
  return promise;
}

async function handle(request: DetectRequest): Promise<DetectReply> {
  const timings: Record<string, number> = {};
  const notes: string[] = [];
  const subjects: Subject[] = [];
  const { tasks } = request;
  const timed = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(performance.now() - start);
    }
  };
  const wantsModels = tasks.faces || tasks.objects;
  if (request.warm) {
    if (wantsModels) await timed('modelLoad', () => models(tasks)).catch(() => undefined);
    return { id: request.id, subjects, notes, timings };
  }
  const detail = request.detail!;
  if (tasks.saliency && request.small) {
    const saliency = await timed('saliency', () => saliencyBox(request.small!, detail));
    if (saliency) subjects.push(saliency);
  }
  if (tasks.text) {
    const blocks = await timed('text', () => findTextBlocks(textPlanes(detail)));
    subjects.push(...blocks.map((block): Subject => ({ kind: 'text', box: block.box, score: textConfidence(block.glyphs) })));
  }
  if (wantsModels) {
    try {
      const loaded = modelsSettled(tasks) ? await models(tasks) : await timed('modelLoad', () => models(tasks));
      if (loaded.faces) subjects.push(...(await timed('faces', () => loaded.faces!.detect(detail))));
      if (loaded.objects) subjects.push(...(await timed('objects', () => loaded.objects!.detect(detail))));
    } catch (error) {
      const what = tasks.faces && tasks.objects ? 'face/object models' : tasks.faces ? 'face model' : 'object model';
      notes.push(`${what} unavailable (${describeError(error)}): layouts are made without ${tasks.faces && tasks.objects ? 'faces and objects' : tasks.faces ? 'faces' : 'objects'}`);
    }
  }
  return { id: request.id, subjects, notes, timings };
}

/**
 * How sure a text block is, from the letters seen in it: on the measurement set, lines of three or four letters
 * were mostly texture (24 of 30 false blocks; 5 of 43 real ones), real lines had seven or more.
 */
function textConfidence(glyphs: number): number {
  return Math.min(1, Math.max(0.15, (glyphs - 2) / 6));
}

/** The saliency box found on the small thumbnail, in the detail thumbnail's pixels. */
function saliencyBox(small: WorkerImage, detail: WorkerImage): Subject | null {
  const map = saliencyMap(small);
  const bounds = map ? salientBounds(map, small.width, small.height) : null;
  if (!bounds) return null;
  const sx = detail.width / small.width;
  const sy = detail.height / small.height;
  // The small thumbnail blurs an edge by about a pixel: one and a half pixels of margin keep it.
  const left = Math.max(0, (bounds.x0 - 1.5) * sx);
  const top = Math.max(0, (bounds.y0 - 1.5) * sy);
  const right = Math.min(detail.width, (bounds.x1 + 2.5) * sx);
  const bottom = Math.min(detail.height, (bounds.y1 + 2.5) * sy);
  return { kind: 'saliency', box: { left, top, width: right - left, height: bottom - top }, score: 1 };
}
