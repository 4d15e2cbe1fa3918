import type { IntakeOptions } from '../intake/types';
import { renderLocalFile } from '../local';
import type { TargetSize } from '../../domain/sizes/targetSize';
import { type OutputPlacement, type WrittenImage, writeRenderedOutputs } from './writeRenderedOutputs';

/** A local resize of one file: which sizes, how to encode, where to write. */
export interface LocalResizeRequest extends OutputPlacement, IntakeOptions {
  readonly sizes: readonly TargetSize[];
  readonly quality?: number;
}

/** What happened to one file: its outputs (with the crop/pad method per size) and intake's notes. */
export interface LocalResizeResult {
  readonly outputs: ReadonlyArray<WrittenImage & { readonly method: 'crop' | 'pad' }>;
  readonly notes: readonly string[];
}

/** Decodes the file once, renders every size with the local engine and writes the outputs. Free and offline. */
export async function resizeFileLocally(request: LocalResizeRequest): Promise<LocalResizeResult> {
  const rendered = await renderLocalFile(request.sourcePath, request.sizes, {
    format: request.format,
    quality: request.quality,
    limitInputPixels: request.limitInputPixels,
    maxSvgSide: request.maxSvgSide,
  });
  const written = await writeRenderedOutputs(request, rendered.outputs);
  return {
    notes: rendered.notes,
    outputs: written.map((output, index) => ({ ...output, method: rendered.outputs[index]?.method ?? 'crop' })),
  };
}
