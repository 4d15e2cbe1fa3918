/** "2x1K, 1x4K" from per-image tiers, in 1K, 2K, 4K order; "" when there are none. */
export function formatTiers(tiers: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const tier of tiers) counts.set(tier, (counts.get(tier) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([tier, count]) => `${count}x${tier}`)
    .join(', ');
}
