import { safeArea, type KeepBox, type PlacementSpec } from '../../domain/placements';
import type { Subject } from '../composition';
import type { CompositionPlan } from '../composition/planner';

const KIND: Record<Subject['kind'], KeepBox['kind'] | undefined> = { face: 'face', text: 'text', keep: 'object', object: 'object', saliency: 'subject', focus: undefined };

/**
 * The subjects the composition step found (faces, text, objects, the user's keep boxes, the saliency box), where
 * each lands in the output under its plan, clipped to the canvas: what the safe-zone check keeps clear.
 */
export function keepBoxesInOutput(subjects: readonly Subject[], plan: CompositionPlan): KeepBox[] {
  const { region, placement, target } = plan;
  const sx = placement.width / region.width;
  const sy = placement.height / region.height;
  const boxes: KeepBox[] = [];
  for (const subject of subjects) {
    const kind = KIND[subject.kind];
    if (!kind) continue;
    const left = Math.max(0, placement.left + (subject.box.left - region.left) * sx);
    const top = Math.max(0, placement.top + (subject.box.top - region.top) * sy);
    const right = Math.min(target.width, placement.left + (subject.box.left + subject.box.width - region.left) * sx);
    const bottom = Math.min(target.height, placement.top + (subject.box.top + subject.box.height - region.top) * sy);
    if (right > left && bottom > top) boxes.push({ kind, left, top, width: right - left, height: bottom - top });
  }
  return boxes;
}

/** A placement's reserved insets in pixels of an output of this size, for the planner (none without a safe zone). */
export function safeInsetsFor(placement: PlacementSpec | undefined, size: { width: number; height: number }): { top: number; right: number; bottom: number; left: number } {
  if (!placement?.safeZone) return { top: 0, right: 0, bottom: 0, left: 0 };
  const area = safeArea(placement, size.width, size.height);
  return { top: area.top, left: area.left, bottom: size.height - area.top - area.height, right: size.width - area.left - area.width };
}
