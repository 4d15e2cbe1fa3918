import type { Dims } from '../../local/geometry';
import type { TargetSize } from '../../../domain/sizes/targetSize';
import { NO_INSETS, type SafeInsets } from '../safeZone';
import type { Subject } from '../subjects';
import { type CompositionPlan, planFromWindow } from './compositionPlan';
import { candidateWindows } from './layoutCandidates';
import { type LayoutScore, layoutScorer } from './layoutScore';

/** What the planner knows about one source: its size (of the pixels it will render from) and its subjects. */
export interface PlanningInput {
  readonly source: Dims;
  /** Found and user-given subjects, in `source` pixels. */
  readonly subjects: readonly Subject[];
  /** The placement's safe-zone insets for a target, in its pixels; none when omitted. */
  readonly insetsFor?: (target: TargetSize) => SafeInsets;
  /** Only cover crops (no fill): for cutting an exact size from fal's larger generated canvas. */
  readonly cropOnly?: boolean;
}

/** The chosen layout for a size and how it scored. */
export interface ScoredPlan {
  readonly plan: CompositionPlan;
  readonly score: LayoutScore;
}

/**
 * Picks the layout of one size by score among cover crops, crops with the least pad, and pads (see layoutScore):
 * must-keep subjects whole and inside the safe area first, then objects, the saliency box, little fill. Pure.
 */
export function planComposition(input: PlanningInput, target: TargetSize): ScoredPlan {
  const insets = input.insetsFor?.(target) ?? NO_INSETS;
  const score = layoutScorer(input.source, input.subjects, insets);
  let best: ScoredPlan | undefined;
  for (const window of candidateWindows(input.source, target, input.subjects, insets)) {
    const plan = planFromWindow(input.source, target, window);
    if (input.cropOnly && plan.method !== 'crop') continue;
    const scored = score(plan, window);
    // Ties go to less fill, then to the earlier (more central) candidate.
    if (!best || scored.cost < best.score.cost - 1e-9 || (Math.abs(scored.cost - best.score.cost) <= 1e-9 && plan.fillShare < best.plan.fillShare)) {
      best = { plan, score: scored };
    }
  }
  return best!;
}
