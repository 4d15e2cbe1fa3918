import type { FillOptions, Subject, UserMarks } from '../composition';
import type { SubjectDetector } from '../composition/detection';
import type { LayoutMethod } from '../composition/planner';
import type { IntakeOptions } from '../intake/types';
import type { Box } from '../local/geometry';
import { renderLocalFile } from '../local';
import type { TargetSize } from '../../domain/sizes/targetSize';
import { type OutputPlacement, type WrittenImage, writeRenderedOutputs } from './writeRenderedOutputs';

/** A local resize of one file: which sizes, how to encode and fill, where to write, what the user marked. */
export interface LocalResizeRequest extends OutputPlacement, IntakeOptions {
  readonly sizes: readonly TargetSize[];
  readonly quality?: number;
  readonly fill?: FillOptions;
  readonly marks?: UserMarks;
  /** Finds faces, objects and text; without one, the saliency box only. */
  readonly detector?: SubjectDetector;
}

/** How one output was laid out: the method and the part of the upright source it shows. */
interface OutputLayout {
  readonly method: LayoutMethod;
  readonly sourceRegion: Box;
}

/** What happened to one file: its outputs (with their layout), the subjects found, and intake's and detection's notes. */
export interface LocalResizeResult {
  readonly outputs: ReadonlyArray<WrittenImage & OutputLayout>;
  readonly subjects: readonly Subject[];
  readonly notes: readonly string[];
}

/** Decodes the file once, renders every size with the local engine and writes the outputs. Free and offline. */
export async function resizeFileLocally(request: LocalResizeRequest): Promise<LocalResizeResult> {
  const rendered = await renderLocalFile(request.sourcePath, request.sizes, {
    format: request.format,
    quality: request.quality,
    fill: request.fill,
    limitInputPixels: request.limitInputPixels,
    maxSvgSide: request.maxSvgSide,
    marks: request.marks,
    detector: request.detector,
  });
  const written = await writeRenderedOutputs(request, rendered.outputs);
  return {
    notes: rendered.notes,
    subjects: rendered.subjects,
    outputs: written.map((output, index) => {
      const made = rendered.outputs[index]!;
      return { ...output, method: made.method, sourceRegion: made.sourceRegion };
    }),
  };
}
