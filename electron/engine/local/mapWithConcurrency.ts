/**
 * Like Promise.all over `items.map(work)`, but with at most `limit` calls in flight: each output holds a few
 * canvas-sized buffers, so rendering fifteen 2560x1440 sizes at once would spike memory for no speed gain.
 * Results keep the input order; the first rejection rejects the whole (like Promise.all).
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
