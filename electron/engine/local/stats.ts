/** Small numeric helpers for the saliency map; arrays here are thumbnail-sized (a few tens of thousands). */

/** The q-quantile (0..1) of the values, by sorting a copy; 0 for an empty list. */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return 0;
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
}

/** Otsu's threshold over values in [0, max]: the cut that best separates two classes (background vs subject). */
export function otsuThreshold(values: Float32Array, max: number, bins = 64): number {
  if (max <= 0) return 0;
  const histogram = new Float64Array(bins);
  for (const value of values) histogram[Math.min(bins - 1, Math.floor((value / max) * bins))]! += 1;
  const total = values.length;
  let sumAll = 0;
  for (let bin = 0; bin < bins; bin += 1) sumAll += bin * histogram[bin]!;
  let weightBelow = 0;
  let sumBelow = 0;
  let bestBin = 0;
  let bestSpread = -1;
  for (let bin = 0; bin < bins; bin += 1) {
    weightBelow += histogram[bin]!;
    sumBelow += bin * histogram[bin]!;
    if (weightBelow === 0 || weightBelow === total) continue;
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sumAll - sumBelow) / (total - weightBelow);
    const spread = weightBelow * (total - weightBelow) * (meanBelow - meanAbove) ** 2;
    if (spread > bestSpread) {
      bestSpread = spread;
      bestBin = bin;
    }
  }
  return ((bestBin + 1) / bins) * max;
}
