import type { Box } from '../local/geometry';
import { unionOf } from './boxMath';
import type { CompositionPlan } from './planner';
import type { Subject } from './subjects';

/**
 * Where the subjects (all but a focal point) land on the canvas under a plan, as one box in target pixels; the
 * middle of the placement when there are none. The mirror fill reflects only what lies outside it.
 */
export function subjectsInTarget(subjects: readonly Subject[], plan: CompositionPlan): Box {
  const { region, placement } = plan;
  const union = unionOf(subjects.filter((subject) => subject.kind !== 'focus').map((subject) => subject.box));
  if (!union) return { left: placement.left + Math.floor(placement.width / 2), top: placement.top + Math.floor(placement.height / 2), width: 1, height: 1 };
  const scaleX = placement.width / region.width;
  const scaleY = placement.height / region.height;
  const left = Math.max(placement.left, Math.floor(placement.left + (union.left - region.left) * scaleX));
  const top = Math.max(placement.top, Math.floor(placement.top + (union.top - region.top) * scaleY));
  const right = Math.min(placement.left + placement.width, Math.ceil(placement.left + (union.left + union.width - region.left) * scaleX));
  const bottom = Math.min(placement.top + placement.height, Math.ceil(placement.top + (union.top + union.height - region.top) * scaleY));
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}
