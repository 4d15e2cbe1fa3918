import { renderPadded } from '../composition/fills';
import type { FillOptions } from '../composition/fills';
import { planFromWindow, type CompositionPlan } from '../composition/planner/compositionPlan';
import type { RawImage } from '../decode/types';
import { renderCrop } from '../local/renderCrop';
import { subjectsInTarget } from '../composition/subjectsInTarget';
import type { TargetSize } from '../../domain/sizes/targetSize';
import type { SourceBox } from '../../domain/outputLayout';

/**
 * One size rendered from a window the person placed (a nudge), in the decoded pixels: a window inside the source is
 * a crop, one reaching past it is filled in the profile's style. Raw pixels of exactly the target size, and the plan.
 */
export async function renderWindow(raw: RawImage, target: TargetSize, window: SourceBox, fill: FillOptions): Promise<{ pixels: RawImage; plan: CompositionPlan }> {
  const plan = planFromWindow(raw, target, window);
  if (plan.method === 'crop') {
    const { bytes, width, height } = await renderCrop(raw, plan, { format: 'raw' });
    return { pixels: { data: bytes, width, height, channels: raw.channels }, plan };
  }
  // No detection for a nudge (it must be instant): fills that steer around a subject see the placed region's centre.
  const canvas = await renderPadded(raw, plan, fill, subjectsInTarget([], plan));
  return { pixels: { data: canvas.data, width: canvas.width, height: canvas.height, channels: canvas.channels }, plan };
}
