/** One encode of the quality search: the quality used and the bytes it gave. */
export interface QualityPoint {
  readonly quality: number;
  readonly bytes: number;
}

/** A fit this close under the budget is kept: more quality would be invisible and cost another encode. */
const CLOSE_ENOUGH = 0.85;
/** Aim a little under the budget: the size model is rough and one overshoot costs an encode. */
const AIM = 0.93;
/** Prior slope of ln(bytes) per quality point for JPEG/WebP near q50-95, used until two points give a real one. */
const PRIOR_SLOPE = 0.03;

/**
 * The next quality to try, or undefined when the search is done. A bisection of the bracket [highest quality that
 * fits, lowest that does not] whose split point is predicted from ln(bytes) being about linear in quality (the
 * local secant, or a prior slope with one point), so it usually lands in one or two encodes.
 * Done when a fit is close enough to the budget, the bracket is closed, or the floor does not fit.
 */
export function nextQuality(points: readonly QualityPoint[], budget: number, floor: number, ceiling: number): number | undefined {
  const fitting = points.filter((point) => point.bytes <= budget);
  const over = points.filter((point) => point.bytes > budget);
  const best = fitting.reduce<QualityPoint | undefined>((a, b) => (!a || b.quality > a.quality ? b : a), undefined);
  const above = over.reduce<QualityPoint | undefined>((a, b) => (!a || b.quality < a.quality ? b : a), undefined);
  if (best && (best.bytes >= CLOSE_ENOUGH * budget || best.quality >= ceiling)) return undefined;
  const lo = best?.quality ?? floor - 1;
  const hi = above?.quality ?? ceiling + 1;
  if (hi - lo <= 1) return undefined;
  if (above && above.quality <= floor) return undefined;
  const target = Math.log(AIM * budget);
  // Predict from the point nearest the target along the local slope (the curve flattens at low quality, so the
  // two points nearest the target say more than the bracket's far end); one point: the prior slope.
  const byCloseness = [...points].sort((a, b) => Math.abs(Math.log(a.bytes) - target) - Math.abs(Math.log(b.bytes) - target));
  const [near, next] = byCloseness as [QualityPoint, QualityPoint | undefined];
  const measured = next && next.quality !== near.quality ? (Math.log(next.bytes) - Math.log(near.bytes)) / (next.quality - near.quality) : 0;
  const slope = measured > 1e-3 ? measured : PRIOR_SLOPE;
  const guess = near.quality + (target - Math.log(near.bytes)) / slope;
  return Math.min(hi - 1, Math.max(lo + 1, Math.round(guess)));
}
