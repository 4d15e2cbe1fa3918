import type { OutputNameRegistry } from '../store/outputNames';
import { outputNameFor } from './caseCollisions';
import type { ResolvedOutputPath } from './outputPath';
import { outputPathFor, type OutputPlacement, type RenderedImage } from './writeRenderedOutputs';

/**
 * Where a new making of a recorded output goes (a re-run at fal, a remake after marks): over the output's own file,
 * unless its encoding changed (an `auto` format deciding otherwise). Then the template's name for the new encoding
 * is given as every output name is (outputNameFor): another source's output whose name folds to it (`Banner.png`
 * beside `banner.png`, one file on a case-insensitive share) keeps it, and this one gets "name (2)"; a name this
 * source was given before for that encoding is reused.
 */
export async function newMakingPath(
  names: OutputNameRegistry,
  placement: OutputPlacement,
  output: { readonly path: string; readonly format: string | null },
  image: Pick<RenderedImage, 'target' | 'imageIndex' | 'imageCount' | 'format'>,
): Promise<ResolvedOutputPath> {
  const at = outputPathFor(placement, image);
  if (output.format === (image.format ?? output.format)) return { path: output.path, root: at.root };
  return { path: await outputNameFor(names, placement.sourcePath, at.path, at.root), root: at.root };
}
