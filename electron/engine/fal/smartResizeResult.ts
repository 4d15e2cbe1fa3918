import type { TargetSize } from '../../domain/sizes/targetSize';
import type { FalOutputRef } from './fetchOutputs';

/** The parts of a smart-resize result the app reads (FAL.md: pair outputs with sizes through `results[i]`). */
export interface SmartResizeResultBody {
  readonly results?: ReadonlyArray<{ images?: ReadonlyArray<{ url?: string }>; resolution?: unknown }>;
  readonly images?: ReadonlyArray<{ url?: string }>;
}

/**
 * Lists the output files of a finished request, one per (target, image), from `results[i]` in target order;
 * `asked` are the sizes the request named (a far-aspect target's canvas in its place; see falCanvases).
 * A result with fewer result entries or images than asked for is an error: we would otherwise pay and silently
 * miss an output.
 */
export function outputRefsFromResult(
  body: SmartResizeResultBody,
  targets: readonly TargetSize[],
  imagesPerSize: number,
  asked: readonly TargetSize[] = targets,
): FalOutputRef[] {
  const results = body.results ?? [];
  if (results.length !== targets.length) {
    throw new Error(`fal returned ${results.length} results for ${targets.length} sizes.`);
  }
  return targets.flatMap((target, index) => {
    const result = results[index];
    const images = result?.images ?? [];
    const canvas = asked[index];
    const isCanvas = canvas !== undefined && (canvas.width !== target.width || canvas.height !== target.height);
    if (images.length < 1) throw new Error(`fal returned no image for ${target.width}x${target.height}.`);
    const count = Math.min(images.length, imagesPerSize);
    return images.slice(0, count).map((image, imageIndex) => {
      if (!image.url) throw new Error(`fal returned an image without a URL for ${target.width}x${target.height}.`);
      return {
        target,
        url: image.url,
        imageIndex: imageIndex + 1,
        imageCount: count,
        tier: typeof result?.resolution === 'string' ? result.resolution : null,
        ...(isCanvas && { canvas }),
      };
    });
  });
}
