import { z } from 'zod';
import { FILL_STYLE_NAMES, LAYOUT_METHODS } from '../../domain/outputLayout';

/** A rectangle in upright source pixels (a layout window may start before 0 or end past the source: that is fill). */
export const SourceBoxSchema = z.object({
  left: z.number().finite(),
  top: z.number().finite(),
  width: z.number().positive(),
  height: z.number().positive(),
});

/** How a locally made output shows its source: the job view draws `sourceRegion` as a frame and drags `window`. */
export const OutputLayoutSchema = z.object({
  method: z.enum(LAYOUT_METHODS),
  fill: z.enum(FILL_STYLE_NAMES).nullable(),
  window: SourceBoxSchema,
  sourceRegion: SourceBoxSchema,
});

/** An image's upright pixel size. */
export const PixelSizeSchema = z.object({ width: z.int().positive(), height: z.int().positive() });

export type SourceBoxView = z.infer<typeof SourceBoxSchema>;
