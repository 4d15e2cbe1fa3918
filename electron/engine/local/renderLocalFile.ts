import { loadSourceImage } from '../intake';
import type { ImageProbe, IntakeOptions } from '../intake/types';
import type { TargetSize } from '../../domain/sizes/targetSize';
import { decodeScaleForTargets } from './decodeScale';
import { type LocalOutput, type LocalRenderOptions, renderLocalSizes } from './renderLocalSizes';

/** A file rendered by the local engine: what intake saw and said, and one output per target. */
export interface LocalFileResult {
  readonly probe: ImageProbe;
  readonly notes: readonly string[];
  readonly outputs: LocalOutput[];
}

/**
 * The whole local path for one file: probe, decode once at the smallest scale the targets need, find the subject,
 * render every size. Refusals are SmartResizeErrors (see intake). The CLI and the job runner's local provider use it.
 */
export async function renderLocalFile(
  path: string,
  targets: readonly TargetSize[],
  options: LocalRenderOptions & IntakeOptions,
): Promise<LocalFileResult> {
  const source = await loadSourceImage(path, { ...options, minScale: (probe) => decodeScaleForTargets(probe, targets) });
  const outputs = await renderLocalSizes(source, targets, options);
  return { probe: source.probe, notes: source.notes, outputs };
}
