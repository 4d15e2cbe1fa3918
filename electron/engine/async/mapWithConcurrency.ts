import PQueue from 'p-queue';

/**
 * Like Promise.all over `items.map(work)`, but with at most `limit` calls in flight (a p-queue per call).
 * Results keep the input order; the first rejection rejects the whole (like Promise.all).
 */
export function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const queue = new PQueue({ concurrency: Math.max(1, limit) });
  return Promise.all(items.map((item) => queue.add(() => work(item))));
}
