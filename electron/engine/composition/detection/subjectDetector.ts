import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LRUCache } from 'lru-cache';
import sharp from 'sharp';
import type { RawImage } from '../../decode/types';
import { rawDescriptor } from '../../local/renderCrop';
import { saliencySubjects } from '../saliencySubject';
import { type Subject, scaleSubjects } from '../subjects';
import type { DetectorChoice, DetectReply, DetectRequest, WorkerImage } from './detectionProtocol';

/** Long side of the thumbnail faces, objects and text are found on: BlazeFace and CenterNet take 256-512 px. */
const DETAIL_SIDE = 640;
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
  /** Milliseconds per step (thumbnail, saliency, text, modelLoad, models), and whether it came from the cache. */
  readonly timings: Record<string, number>;
  readonly cached: boolean;
}

/** Per-call knobs. */
export interface DetectOptions {
  /** The source's content hash: the same content is detected once (renamed copies included). */
  readonly contentHash?: string;
  readonly choice?: Partial<DetectorChoice>;
}

interface Pending {
  resolve(reply: DetectReply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Finds faces, objects, text and the saliency box off the event loop, in one worker thread, once per content
 * hash. A detection over the time limit ends the worker (a stuck WASM call cannot be interrupted otherwise) and
 * falls back to the saliency box, as does a worker that fails; the notes say so.
 */
export class SubjectDetector {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly cache = new LRUCache<string, { subjects: Subject[]; notes: string[]; size: { width: number; height: number } }>({ max: CACHE_ENTRIES });

  constructor(private readonly timeLimitMs = DETECTION_TIME_LIMIT_MS) {}

  /** The subjects of decoded pixels (any decode scale of the source: cached boxes are rescaled). */
  async detect(raw: RawImage, options: DetectOptions = {}): Promise<Detection> {
    const choice: DetectorChoice = { models: options.choice?.models ?? true, text: options.choice?.text ?? true };
    const key = options.contentHash ? `${options.contentHash}:${choice.models ? 'm' : ''}${choice.text ? 't' : ''}` : undefined;
    const hit = key ? this.cache.get(key) : undefined;
    if (hit) return { subjects: scaleSubjects(hit.subjects, hit.size, raw), notes: hit.notes, timings: {}, cached: true };
    const start = performance.now();
    const [detail, small] = await Promise.all([thumbnail(raw, DETAIL_SIDE), thumbnail(raw, SMALL_SIDE)]);
    const thumbnailMs = Math.round(performance.now() - start);
    try {
      const reply = await this.request({ id: this.nextId++, detail, small, choice });
      const size = { width: detail.width, height: detail.height };
      if (key) this.cache.set(key, { subjects: reply.subjects, notes: reply.notes, size });
      return { subjects: scaleSubjects(reply.subjects, size, raw), notes: reply.notes, timings: { thumbnail: thumbnailMs, ...reply.timings }, cached: false };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { subjects: await saliencySubjects(raw), notes: [`subject detection failed (${reason}): layouts use the saliency map only`], timings: {}, cached: false };
    }
  }

  /** Ends the worker; later detections start a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('detector closed'));
    await worker?.terminate();
  }

  private request(request: DetectRequest): Promise<DetectReply> {
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(request.id);
        reject(new Error(`it took longer than ${(this.timeLimitMs / 1000).toFixed(0)} s`));
        // The worker may be stuck inside a model call: end it; the next detection starts a fresh one.
        if (this.worker === worker) this.worker = undefined;
        this.failAll(new Error('the detector was restarted'));
        void worker.terminate();
      }, this.timeLimitMs);
      this.pending.set(request.id, { resolve, reject, timer });
      // Keep the process alive while an answer is due (a CLI run has nothing else waiting), not when idle.
      worker.ref();
      worker.postMessage(request, [request.detail.data.buffer as ArrayBuffer, request.small.data.buffer as ArrayBuffer]);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.on('message', (reply: DetectReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      pending.resolve(reply);
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(error);
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new Error('the detection worker stopped'));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.reject(error);
    }
  }
}

/**
 * Starts the worker: the built JavaScript beside this module in a bundle (electron-vite builds it as its own
 * entry), else the TypeScript source through tsx's loader (the CLI from source, tests), registered inside the
 * worker since loader flags are not passed on to worker threads.
 */
function startWorker(): Worker {
  // Names held in variables: a bundler rewrites `new URL('literal', import.meta.url)` into an asset of its own.
  const builtName = './detectionWorker.js';
  const sourceName = './detectionWorker.ts';
  const built = new URL(builtName, import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built);
  const source = new URL(sourceName, import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true });
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
