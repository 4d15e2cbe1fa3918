import PQueue from 'p-queue';

// Previews are made by the host one decode each. A long list asks for dozens at once; more than a few in flight
// only queues them in the host (and, over HTTP, fills the browser's six connections so list pages wait behind them).
const queue = new PQueue({ concurrency: 4 });

/**
 * Runs `load` when one of the few preview slots is free. A request whose row went away while it waited (react-query
 * aborts the signal when the last viewer unmounts) leaves the queue without reaching the host; one already sent
 * keeps its slot until the host answers, so the in-flight count stays bounded. Larger previews (the detail panel)
 * go first.
 */
export function queueThumbnail<T>(load: () => Promise<T>, signal: AbortSignal, priority: number): Promise<T> {
  return queue.add(load, { signal, priority });
}
