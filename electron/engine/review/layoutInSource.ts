import type { FillStyleName, OutputLayout, SourceBox } from '../../domain/outputLayout';
import type { CompositionPlan } from '../composition/planner';
import type { Dims } from '../local/geometry';

/**
 * A local plan (in the pixels the engine decoded) as the layout the job view draws and nudges: the window of the
 * target's aspect ratio over the source and the part of the source shown, both in upright source pixels. The window
 * is where the region lands scaled back out to the whole canvas, so a padded plan's window reaches past the source.
 */
export function layoutInSource(plan: CompositionPlan, decoded: Dims, upright: Dims, fill: FillStyleName): OutputLayout {
  const scale = plan.placement.width / plan.region.width;
  const window = {
    left: plan.region.left - plan.placement.left / scale,
    top: plan.region.top - plan.placement.top / scale,
    width: plan.target.width / scale,
    height: plan.target.height / scale,
  };
  return {
    method: plan.method,
    fill: plan.method === 'crop' ? null : fill,
    window: scaleBox(window, upright.width / decoded.width, upright.height / decoded.height),
    sourceRegion: scaleBox(plan.region, upright.width / decoded.width, upright.height / decoded.height),
  };
}

/** A box in upright source pixels as a box in the pixels of a decode of that source. */
export function boxInDecoded(box: SourceBox, decoded: Dims, upright: Dims): SourceBox {
  return scaleBox(box, decoded.width / upright.width, decoded.height / upright.height, false);
}

function scaleBox(box: SourceBox, scaleX: number, scaleY: number, round = true): SourceBox {
  const left = box.left * scaleX;
  const top = box.top * scaleY;
  const right = (box.left + box.width) * scaleX;
  const bottom = (box.top + box.height) * scaleY;
  if (!round) return { left, top, width: right - left, height: bottom - top };
  return { left: Math.round(left), top: Math.round(top), width: Math.round(right) - Math.round(left), height: Math.round(bottom) - Math.round(top) };
}
