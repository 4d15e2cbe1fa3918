import type { FalResolution } from '../../domain/sizes';
import { formatTargetSize, type TargetSize } from '../../domain/sizes/targetSize';

/** fal takes at most this many target sizes in one smart-resize request. */
export const MAX_SIZES_PER_REQUEST = 10;

/** The profile's smart-resize options, as the profile schema holds them. */
export interface SmartResizeOptions {
  readonly prompt: string;
  readonly numImagesPerSize: number;
  readonly resolution: FalResolution;
  readonly safetyTolerance: string;
  readonly seed?: number;
}

/** The JSON body of one fal-ai/smart-resize request. */
export interface SmartResizeInput {
  image_url: string;
  target_sizes: string[];
  prompt: string;
  num_images_per_size: number;
  resolution: FalResolution;
  output_format: 'png' | 'jpeg' | 'webp';
  safety_tolerance: string;
  seed?: number;
}

/** Splits a job's fal sizes into requests of at most MAX_SIZES_PER_REQUEST, keeping their order. */
export function batchTargets(targets: readonly TargetSize[]): TargetSize[][] {
  const batches: TargetSize[][] = [];
  for (let start = 0; start < targets.length; start += MAX_SIZES_PER_REQUEST) {
    batches.push(targets.slice(start, start + MAX_SIZES_PER_REQUEST));
  }
  return batches;
}

/** Builds one request carrying every size of a batch and all of the profile's options. */
export function buildSmartResizeInput(
  imageUrl: string,
  targets: readonly TargetSize[],
  options: SmartResizeOptions,
  outputFormat: SmartResizeInput['output_format'],
): SmartResizeInput {
  return {
    image_url: imageUrl,
    target_sizes: targets.map(formatTargetSize),
    prompt: options.prompt,
    num_images_per_size: options.numImagesPerSize,
    resolution: options.resolution,
    output_format: outputFormat,
    safety_tolerance: options.safetyTolerance,
    ...(options.seed !== undefined && { seed: options.seed }),
  };
}
