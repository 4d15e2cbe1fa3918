import sharp from 'sharp';
import type { RawImage } from '../../decode/types';
import type { Box } from '../../local/geometry';
import { rawDescriptor } from '../../local/renderCrop';
import type { CompositionPlan } from '../planner';
import { type BackdropSource, backdropSource } from './backdropSource';
import { blurBackdropOffThread } from './backdropThreads';
import { type Canvas, pasteFitted } from './canvasPixels';
import { easeIntoBackdrop, extendEdges } from './extendFill';
import type { FillOptions } from './fillStyle';
import { mirrorFill } from './mirrorFill';
import { dominantEdgeColour, paintOutside, parseHexColour } from './solidFill';

/**
 * The canvas of a padded plan as raw pixels (target size, the source's channels): the plan's region scaled into
 * its placement, untouched, and the rest filled in the profile's style. `subjectInTarget` (where the subjects
 * land) keeps the mirror style from reflecting them. `backdrop` hands over the source already shrunk for the
 * backdrops of all of a render's sizes (backdropSource); without it this size shrinks its own.
 */
export async function renderPadded(
  raw: RawImage,
  plan: CompositionPlan,
  fill: FillOptions,
  subjectInTarget: Box,
  backdrop: () => Promise<BackdropSource> = () => backdropSource(raw, [plan.target]),
): Promise<Canvas> {
  const { region, placement, target } = plan;
  const fitted = await sharp(raw.data, { raw: rawDescriptor(raw) })
    .extract(region)
    .resize(placement.width, placement.height, { fit: 'fill' })
    .raw()
    .toBuffer();
  const shape = { width: target.width, height: target.height, channels: raw.channels };
  switch (fill.style) {
    case 'blur': {
      const canvas = { ...shape, data: await blurBackdropOffThread(await backdrop(), region, target, placement) };
      pasteFitted(canvas, fitted, placement);
      return canvas;
    }
    case 'extend': {
      const canvas = { ...shape, data: Buffer.alloc(target.width * target.height * raw.channels) };
      pasteFitted(canvas, fitted, placement);
      extendEdges(canvas, placement);
      // Far from the picture, smeared edge colours turn into rays; there the fill eases into the blurred backdrop.
      easeIntoBackdrop(canvas, await blurBackdropOffThread(await backdrop(), region, target), placement);
      return canvas;
    }
    case 'solid': {
      const canvas = { ...shape, data: Buffer.alloc(target.width * target.height * raw.channels) };
      pasteFitted(canvas, fitted, placement);
      paintOutside(canvas, placement, parseHexColour(fill.colour, raw.channels) ?? dominantEdgeColour(canvas, placement));
      return canvas;
    }
    case 'mirror':
      return { ...shape, data: await mirrorFill(fitted, placement, shape, subjectInTarget, await blurBackdropOffThread(await backdrop(), region, target)) };
  }
}
