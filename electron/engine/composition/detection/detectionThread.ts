import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../workers/startWorker';
import type { DetectReply, DetectRequest } from './detectionProtocol';

interface Pending {
  resolve(reply: DetectReply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | undefined;
}

/**
 * One detection worker thread and the requests waiting on it. A request over the time limit ends the worker (a
 * stuck WASM call cannot be interrupted otherwise) and fails every request waiting on it; the next request starts
 * a fresh worker. Warm-up requests have no limit and do not keep the process alive.
 */
export class DetectionThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly timeLimitMs: number) {}

  /** Sends a request (its pixel buffers are transferred, not copied) and waits for the worker's reply. */
  request(request: Omit<DetectRequest, 'id'>): Promise<DetectReply> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = request.warm ? undefined : setTimeout(() => this.timeOut(worker, id), this.timeLimitMs);
      this.pending.set(id, { resolve, reject, timer });
      // Keep the process alive while an answer is due (a CLI run has nothing else waiting), not when idle.
      if (!request.warm) worker.ref();
      const transfer = [request.detail, request.small].flatMap((image) => (image ? [image.data.buffer as ArrayBuffer] : []));
      worker.postMessage({ ...request, id }, transfer);
    });
  }

  /** Ends the worker; later requests start a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('detector closed'));
    await worker?.terminate();
  }

  private timeOut(worker: Worker, id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    pending.reject(new Error(`it took longer than ${(this.timeLimitMs / 1000).toFixed(0)} s`));
    // The worker may be stuck inside a model call: end it; the next detection starts a fresh one.
    if (this.worker === worker) this.worker = undefined;
    this.failAll(new Error('the detector was restarted'));
    void worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startDetectionWorker();
    worker.on('message', (reply: DetectReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.pending.delete(reply.id);
      if ([...this.pending.values()].every((waiting) => waiting.timer === undefined)) worker.unref();
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

/** The detection worker (detectionWorker.ts, or its build beside the bundle). */
function startDetectionWorker(): Worker {
  return startWorker('./detectionWorker.js', './detectionWorker.ts', import.meta.url);
}
