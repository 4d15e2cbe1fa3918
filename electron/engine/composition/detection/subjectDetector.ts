import { LRUCache } from 'lru-cache';
import sharp from 'sharp';
import type { RawImage } from '../../decode/types';
import { rawDescriptor } from '../../local/renderCrop';
import { saliencySubjects } from '../saliencySubject';
import { type Subject, scaleSubjects } from '../subjects';
import type { DetectionTasks, DetectorChoice, DetectReply, WorkerImage } from './detectionProtocol';
import { DetectionThread } from './detectionThread';
import { OBJECT_INPUT_SIDE } from './objectModel';

/** Long side of the thumbnail faces, objects and text are found on: BlazeFace and CenterNet take 256-512 px. */
export const DETAIL_SIDE = 640;
/** Long side of the saliency thumbnail (what the saliency map was tuned on). */
const SMALL_SIDE = 160;
/** Default time limit of one detection, model loading included (about 0.6 s when the machine is idle). */
const DETECTION_TIME_LIMIT_MS = 10_000;
/** Detections kept in memory, by content hash: a few hundred boxes each, so this is tiny. */
const CACHE_ENTRIES = 500;

/** What was found in one image and what the job log should say about it. */
export interface Detection {
  /** In the pixels of the image passed to detect(). */
  readonly subjects: Subject[];
  readonly notes: string[];
  /**
   * Milliseconds per step: thumbnail (on this thread), then per worker saliency, text, faces, objects, modelLoad
   * (a wait on models still loading: absent when they were loaded already, e.g. by warmUp), and `scene`/`objectsWall` (each worker's round trip, message passing
   * included). Empty for a cache hit.
   */
  readonly timings: Record<string, number>;
  readonly cached: boolean;
}

/** Per-call knobs. */
export interface DetectOptions {
  /** The source's content hash: the same content is detected once (renamed copies included). */
  readonly contentHash?: string;
  readonly choice?: Partial<DetectorChoice>;
}

const SCENE_TASKS = (choice: DetectorChoice): DetectionTasks => ({ saliency: true, text: choice.text, faces: choice.models, objects: false });
const OBJECT_TASKS = (objectInputSide: number): DetectionTasks => ({ saliency: false, text: false, faces: false, objects: true, objectInputSide });

/**
 * Finds faces, objects, text and the saliency box off the event loop, once per content hash, in two worker
 * threads at once: saliency, text and faces in one, the object model (CenterNet, the slowest step) in the other,
 * so a detection takes about as long as its slowest part rather than the sum. A detection over the time limit or
 * a failed worker falls back (to the saliency box on this thread; without objects for the object worker); the
 * notes say so.
 */
export class SubjectDetector {
  private readonly scene: DetectionThread;
  private readonly objects: DetectionThread;
  private readonly cache = new LRUCache<string, { subjects: Subject[]; notes: string[]; size: { width: number; height: number } }>({ max: CACHE_ENTRIES });

  /** `objectInputSide`: CenterNet's input (see objectModel.ts; bench:local compares sides with it). */
  constructor(
    timeLimitMs = DETECTION_TIME_LIMIT_MS,
    private readonly objectInputSide = OBJECT_INPUT_SIDE,
  ) {
    this.scene = new DetectionThread(timeLimitMs);
    this.objects = new DetectionThread(timeLimitMs);
  }

  /**
   * Starts both workers and loads their models now (engine start), so no job waits on a cold start. Resolves once
   * both are loaded (or failed: errors are left for the first detection to report); callers need not wait.
   */
  async warmUp(): Promise<void> {
    await Promise.all([
      this.scene.request({ tasks: SCENE_TASKS({ models: true, text: true }), warm: true }).catch(() => undefined),
      this.objects.request({ tasks: OBJECT_TASKS(this.objectInputSide), warm: true }).catch(() => undefined),
    ]);
  }

  /** Whether a detection of this content (with these detectors) is cached: detect() then costs nothing. */
  isCached(contentHash: string, choice: Partial<DetectorChoice> = {}): boolean {
    return this.cache.has(cacheKey(contentHash, choice));
  }

  /** The subjects of decoded pixels (any decode scale of the source: cached boxes are rescaled). */
  async detect(raw: RawImage, options: DetectOptions = {}): Promise<Detection> {
    const choice: DetectorChoice = { models: options.choice?.models ?? true, text: options.choice?.text ?? true };
    const key = options.contentHash ? cacheKey(options.contentHash, choice) : undefined;
    const hit = key ? this.cache.get(key) : undefined;
    if (hit) return { subjects: scaleSubjects(hit.subjects, hit.size, raw), notes: hit.notes, timings: {}, cached: true };
    const start = performance.now();
    const [detail, small] = await Promise.all([thumbnail(raw, DETAIL_SIDE), thumbnail(raw, SMALL_SIDE)]);
    const thumbnailMs = Math.round(performance.now() - start);
    const size = { width: detail.width, height: detail.height };
    // Each worker gets its own copy of the detail pixels: a transferred buffer can go to one thread only.
    const objectsReply = choice.models ? timedRequest(this.objects, { tasks: OBJECT_TASKS(this.objectInputSide), detail: copyImage(detail) }, 'objectsWall') : undefined;
    objectsReply?.catch(() => undefined);
    try {
      const scene = await timedRequest(this.scene, { tasks: SCENE_TASKS(choice), detail, small }, 'scene');
      const objects = await objectsReply?.catch((error: unknown) => objectFailure(error));
      const subjects = [...scene.subjects, ...(objects?.subjects ?? [])];
      const notes = [...scene.notes, ...(objects?.notes ?? [])];
      if (key) this.cache.set(key, { subjects, notes, size });
      return { subjects: scaleSubjects(subjects, size, raw), notes, timings: { thumbnail: thumbnailMs, ...scene.timings, ...objects?.timings }, cached: false };
    } catch (error) {
      return { subjects: await saliencySubjects(raw), notes: [`subject detection failed (${reason(error)}): layouts use the saliency map only`], timings: {}, cached: false };
    }
  }

  /** Ends both workers; later detections start new ones. */
  async close(): Promise<void> {
    await Promise.all([this.scene.close(), this.objects.close()]);
  }
}

function cacheKey(contentHash: string, choice: Partial<DetectorChoice>): string {
  return `${contentHash}:${(choice.models ?? true) ? 'm' : ''}${(choice.text ?? true) ? 't' : ''}`;
}

async function timedRequest(thread: DetectionThread, request: Parameters<DetectionThread['request']>[0], name: string): Promise<DetectReply> {
  const start = performance.now();
  const reply = await thread.request(request);
  return { ...reply, timings: { ...reply.timings, [name]: Math.round(performance.now() - start) } };
}

function objectFailure(error: unknown): DetectReply {
  return { id: 0, subjects: [], notes: [`object detection failed (${reason(error)}): layouts are made without objects`], timings: {} };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function copyImage(image: WorkerImage): WorkerImage {
  return { ...image, data: image.data.slice() };
}

async function thumbnail(raw: RawImage, side: number): Promise<WorkerImage> {
  const { data, info } = await sharp(raw.data, { raw: rawDescriptor(raw) })
    .resize(side, side, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  // A fresh ArrayBuffer of exactly these bytes, so it can be transferred to the worker.
  const bytes = new Uint8Array(data.length);
  bytes.set(data);
  return { data: bytes, width: info.width, height: info.height, channels: info.channels };
}
