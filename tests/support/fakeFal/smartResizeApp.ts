import sharp, { type Metadata } from 'sharp';
import { errorBodyFor, modelErrorDetail } from './falErrors';
import type { FileStore } from './fileStore';
import { coveringPreset } from './presets';
import { renderTarget } from './renderOutputs';
import type { FakeFalJobFault } from './types';
import { validateSmartResizeInput, type SmartResizeInput } from './validateInput';

/** What the result call answers once the request has COMPLETED. */
export interface ModelOutcome {
  readonly status: number;
  readonly body: unknown;
  readonly outputUrls: readonly string[];
}

/** Everything one run of the model needs. */
export interface ModelRun {
  readonly requestId: string;
  readonly rawInput: unknown;
  readonly files: FileStore;
  readonly fault: FakeFalJobFault | undefined;
  readonly renderMode: 'resize' | 'flat' | 'recompose';
  /** How many requests the fake ran before this one when it regenerates (FakeFalOptions.regenerates), else 0. */
  readonly generation: number;
}

/** Beyond this many pixels per side the fake's model refuses the source, as fal's does with image_too_large. */
const MAX_SOURCE_SIDE = 14142;

const failure = (status: number, body: unknown): ModelOutcome => ({ status, body, outputUrls: [] });
const modelError = (type: string): ModelOutcome => failure(422, { detail: [modelErrorDetail(type)] });

function fetchSource(imageUrl: string, files: FileStore): Buffer | undefined {
  const dataUri = /^data:[^;,]*;base64,(.*)$/s.exec(imageUrl);
  if (dataUri) return Buffer.from(dataUri[1] ?? '', 'base64');
  const upload = files.uploadForFileUrl(imageUrl);
  return upload ? files.fileAt(new URL(upload.fileUrl).pathname)?.bytes : undefined;
}

/**
 * The smart-resize model as the fake runs it: validate, fetch the source from the fake's own storage, then for
 * each target pick the covering preset and render `num_images_per_size` real images of exactly that size.
 */
export async function runSmartResize(run: ModelRun): Promise<ModelOutcome> {
  const { input, errors } = validateSmartResizeInput(run.rawInput);
  if (!input) return failure(422, { detail: errors });
  if (run.fault?.kind === 'error') {
    return failure(run.fault.status ?? 422, errorBodyFor(run.fault.status ?? 422, run.fault.type, run.fault.msg));
  }
  const source = fetchSource(input.image_url, run.files);
  if (!source) return modelError('file_download_error');
  let meta: Metadata;
  try {
    meta = await sharp(source).metadata();
  } catch {
    return modelError('unsupported_image_format');
  }
  if ((meta.width ?? 0) > MAX_SOURCE_SIDE || (meta.height ?? 0) > MAX_SOURCE_SIDE) return modelError('image_too_large');
  try {
    return await renderAll(run, input, source);
  } catch {
    return modelError('unsupported_image_format');
  }
}

async function renderAll(run: ModelRun, input: SmartResizeInput, source: Buffer): Promise<ModelOutcome> {
  const outputUrls: string[] = [];
  const results = [];
  for (const [targetIndex, target] of input.target_sizes.entries()) {
    const preset = coveringPreset(target.width, target.height, input.resolution);
    if (!preset) throw new Error('validated targets are always coverable');
    const rendered = await renderTarget({
      source,
      ...target,
      format: input.output_format,
      count: input.num_images_per_size,
      mode: run.renderMode,
      generation: run.generation,
      wrongSize: run.fault?.kind === 'wrongSize' && targetIndex === 0,
    });
    const images = rendered.map((image, imageIndex) => {
      const fileName = `${target.width}x${target.height}-${imageIndex}.${image.extension}`;
      const url = input.sync_mode
        ? `data:${image.contentType};base64,${image.bytes.toString('base64')}`
        : run.files.putOutput(run.requestId, fileName, image.bytes, image.contentType);
      if (!input.sync_mode) outputUrls.push(url);
      // Reported sizes are the target's, also for a wrong-size file: only the pixels tell the truth.
      return { url, content_type: image.contentType, file_name: fileName, file_size: image.bytes.length, width: target.width, height: target.height };
    });
    results.push({
      images,
      description: `Recomposed for ${target.width}x${target.height} from a ${preset.aspectRatio} ${preset.tier} render, center-cropped.`,
      aspect_ratio: preset.aspectRatio,
      ...(run.fault?.kind !== 'noTier' && { resolution: preset.tier }),
      width: target.width,
      height: target.height,
    });
  }
  const body = {
    images: results.flatMap((result) => result.images),
    description: `Smart resize to ${results.length} target size(s).`,
    results,
    seed: input.seed ?? Math.floor(Math.random() * 2 ** 31),
  };
  return { status: 200, body, outputUrls };
}
