import type { FakeFal } from '../../support/fakeFal';

// fal's price list (/work/shared/FAL.md), written out here on purpose: the expected sums must not reuse the app's
// pricing code, or a wrong price would agree with itself.
const VISION_FEE_CENTS = 5;
const imageCents = (tier: string) => (tier === '4K' ? 30 : 15);

/** What fal billed per completed request, from the result each request answers (its `results[i]` tiers and images). */
export async function billedByFake(fake: FakeFal): Promise<Record<string, number>> {
  const billed: Record<string, number> = {};
  for (const job of fake.jobs().filter((candidate) => candidate.state === 'COMPLETED' && candidate.resultStatus === 200 && !candidate.cancelled)) {
    const response = await fetch(`${fake.url}/fal-ai/smart-resize/requests/${job.requestId}`, { headers: { authorization: `Key ${fake.key}` } });
    const body = (await response.json()) as { results: Array<{ resolution: string; images: unknown[] }> };
    billed[job.requestId] = VISION_FEE_CENTS + body.results.reduce((sum, result) => sum + result.images.length * imageCents(result.resolution), 0);
  }
  return billed;
}

/** The tiers the fake rendered, one entry per output image, sorted. */
export async function renderedTiers(fake: FakeFal): Promise<string[]> {
  const tiers: string[] = [];
  for (const job of fake.jobs().filter((candidate) => candidate.resultStatus === 200)) {
    const response = await fetch(`${fake.url}/fal-ai/smart-resize/requests/${job.requestId}`, { headers: { authorization: `Key ${fake.key}` } });
    const body = (await response.json()) as { results: Array<{ resolution: string; images: unknown[] }> };
    for (const result of body.results) tiers.push(...result.images.map(() => result.resolution));
  }
  return tiers.sort();
}

/** Sums cents by a key. */
export function sumBy<T extends { cents: number }>(rows: readonly T[], key: (row: T) => string): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const row of rows) sums[key(row)] = (sums[key(row)] ?? 0) + row.cents;
  return sums;
}
