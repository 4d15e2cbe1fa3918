import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Box } from '../../local/geometry';
import type { TargetSize } from '../../../domain/sizes/targetSize';
import { startWorker } from '../../workers/startWorker';
import type { BackdropReply, BackdropRequest } from './backdropProtocol';
import type { BackdropSource } from './backdropSource';
import { blurBackdrop } from './blurFill';

/** Backdrop threads at most: a render has a few padded sizes at once, and the cores are shared with libvips. */
const MAX_THREADS = 2;

interface Thread {
  readonly worker: Worker;
  ready: boolean;
  readonly pending: Map<number, { resolve(data: Buffer): void; reject(error: Error): void }>;
}

/**
 * Blur backdrops made on worker threads. The backdrop is a render's largest piece of plain code (scaling the
 * blurred copy up to a canvas of up to 2 MP): on the engine's thread it holds up the render's plans, sharp calls
 * and encodes, and every other event (bench:local, 1 MP photo to six sizes, on two cores: the render after
 * detection 181-199 -> 148-169 ms; 86 against 123 with the backdrops made for free). Threads start at warmUp (engine start, in the hosts that run jobs)
 * and take requests once loaded. Without them (tests, one-shot CLI verbs: a thread's start costs more than it
 * saves there), until they are loaded, on one core, or after a thread failed, the backdrop is made here, so a
 * render never waits on a thread's start and never fails for one.
 */
class BackdropThreads {
  private threads: Thread[] = [];
  private started = false;
  private nextId = 1;
  private madeOnThreads = 0;

  /** The backdrop of blurBackdrop(...), from a loaded thread with the fewest requests waiting, else made here. */
  make(backdrop: BackdropSource, region: Box, target: TargetSize, covered?: Box): Promise<Buffer> {
    const thread = this.threads.filter((candidate) => candidate.ready).sort((a, b) => a.pending.size - b.pending.size)[0];
    if (!thread) return blurBackdrop(backdrop, region, target, covered);
    const id = this.nextId++;
    // Only the shrunk copy travels (structured clone copies it): the full source's size is all the backdrop needs of it.
    const { raw, scale, source } = backdrop;
    const request: BackdropRequest = { id, backdrop: { raw, scale, source: { width: source.width, height: source.height } }, region, target, covered };
    const answer = new Promise<Buffer>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      // Keep the process alive while an answer is due (a CLI run may have nothing else waiting), not when idle.
      thread.worker.ref();
      try {
        thread.worker.postMessage(request);
      } catch (error) {
        thread.pending.delete(id);
        if (thread.pending.size === 0) thread.worker.unref();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    // A request the thread could not take, or a thread that fails or stops, hands it back: it is made here.
    return answer.catch(() => blurBackdrop(backdrop, region, target, covered));
  }

  /** How many threads are loaded, and how many backdrops they made so far (tests, diagnostics). */
  state(): { loaded: number; madeOnThreads: number } {
    return { loaded: this.threads.filter((thread) => thread.ready).length, madeOnThreads: this.madeOnThreads };
  }

  /** Starts the threads now (engine start), so the first render finds them loaded; resolves once they are. */
  async warmUp(): Promise<void> {
    this.start();
    const loading = this.threads.filter((thread) => !thread.ready);
    await Promise.all(
      loading.map(
        (thread) =>
          new Promise<void>((resolve) => {
            // Held alive while someone waits for it to load (a bench or a CLI may have nothing else waiting).
            thread.worker.ref();
            // Its first message says it is loaded; an exit ends the wait too. Either way the other listener goes.
            const loaded = () => {
              thread.worker.off('message', loaded).off('exit', loaded);
              if (thread.pending.size === 0) thread.worker.unref();
              resolve();
            };
            thread.worker.on('message', loaded).on('exit', loaded);
          }),
      ),
    );
  }

  /** Ends the threads; requests waiting on them are made here. Later backdrops start new threads. */
  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    this.started = false;
    await Promise.all(threads.map((thread) => this.drop(thread, new Error('backdrop threads closed'))));
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    const count = Math.min(MAX_THREADS, availableParallelism() - 1);
    for (let index = 0; index < count; index += 1) this.threads.push(this.startThread());
  }

  private startThread(): Thread {
    const worker = startWorker('./backdropWorker.js', './backdropWorker.ts', import.meta.url);
    const thread: Thread = { worker, ready: false, pending: new Map() };
    worker.on('message', (reply: BackdropReply) => {
      if (reply.id === 0) {
        thread.ready = true;
        return;
      }
      const pending = thread.pending.get(reply.id);
      if (!pending) return;
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) worker.unref();
      if (!reply.data) {
        pending.reject(new Error(reply.error ?? 'no backdrop'));
        return;
      }
      this.madeOnThreads += 1;
      pending.resolve(Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength));
    });
    // A failed thread is not restarted: its backdrops, and all later ones it would have taken, are made here.
    worker.on('error', (error) => void this.drop(thread, error));
    worker.on('exit', () => void this.drop(thread, new Error('the backdrop thread stopped')));
    worker.unref();
    return thread;
  }

  private async drop(thread: Thread, error: Error): Promise<void> {
    this.threads = this.threads.filter((candidate) => candidate !== thread);
    thread.ready = false;
    for (const pending of thread.pending.values()) pending.reject(error);
    thread.pending.clear();
    await thread.worker.terminate();
  }
}

const threads = new BackdropThreads();

/** blurBackdrop, made on a backdrop thread when one is loaded (see BackdropThreads); the same pixels either way. */
export function blurBackdropOffThread(backdrop: BackdropSource, region: Box, target: TargetSize, covered?: Box): Promise<Buffer> {
  return threads.make(backdrop, region, target, covered);
}

/** Starts the backdrop threads ahead of the first render; resolves once they are loaded (or failed). */
export function warmUpBackdropThreads(): Promise<void> {
  return threads.warmUp();
}

/** Loaded threads and backdrops made on them so far. */
export function backdropThreadsState(): { loaded: number; madeOnThreads: number } {
  return threads.state();
}

/** Ends the backdrop threads (tests; a closing engine need not: idle threads do not keep a process alive). */
export function closeBackdropThreads(): Promise<void> {
  return threads.close();
}
