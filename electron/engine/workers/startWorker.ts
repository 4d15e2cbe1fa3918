import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from a module of its own, named relative to the caller (`base`, its import.meta.url): the
 * built JavaScript `builtName` when it is there (electron-vite builds each worker as its own entry, beside the
 * bundle), else the TypeScript source `sourceName` through tsx's loader (the CLI from source, tests), registered
 * inside the worker since loader flags are not passed on to worker threads. The names come in as arguments: a
 * bundler rewrites `new URL('literal', import.meta.url)` into an asset of its own.
 */
export function startWorker(builtName: string, sourceName: string, base: string): Worker {
  const built = new URL(builtName, base);
  if (existsSync(fileURLToPath(built))) return new Worker(built);
  const source = new URL(sourceName, base).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true });
}
