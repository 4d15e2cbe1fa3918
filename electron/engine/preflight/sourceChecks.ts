import type { PreflightCheck } from '../../domain/placements';
import type { PreflightInput } from './preflightInput';

/** Enlargement above which the job log gets a note (issue 10, item 13): soft edges become plain to see. */
export const UPSCALE_NOTE_FACTOR = 2;

/**
 * How much larger the output is than the source, as a linear factor of their pixel counts: what "the source had
 * fewer pixels than the output needs" means, whatever the layout (a crop enlarges its part more, a pad less).
 */
export function upscaleFactor(source: { width: number; height: number }, target: { width: number; height: number }): number {
  return Math.sqrt((target.width * target.height) / (source.width * source.height));
}

/** Warns when the source had fewer pixels than the output needs, naming the factor; skipped without a source. */
export function checkUpscale({ source, target }: PreflightInput): PreflightCheck | undefined {
  if (!source) return undefined;
  const factor = upscaleFactor(source, target);
  if (factor <= 1.0001) return { id: 'upscale', status: 'pass', message: `No enlargement (source ${source.width}x${source.height} px).` };
  return {
    id: 'upscale',
    status: 'warn',
    message: `Enlarged ${factor.toFixed(1)}x from a ${source.width}x${source.height} px source: it may look soft. A larger original would be sharper.`,
  };
}
