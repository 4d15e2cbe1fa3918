import type { JobOutput, SourceBoxView } from '../../../../electron/shared';

/** An upright pixel size. */
export interface PixelSize {
  readonly width: number;
  readonly height: number;
}

/**
 * The window of an output over its source, in source pixels: the local layout's own window, or for a fal output
 * (recomposed, no single region) the window of its aspect ratio that holds the whole source, as an outpainting does.
 * Tiles drawn at the window's size times one scale show every output at the same scale of the source.
 */
export function outputWindow(output: Pick<JobOutput, 'layout' | 'width' | 'height'>, source: PixelSize): SourceBoxView {
  if (output.layout) return output.layout.window;
  const aspect = output.width / output.height;
  const width = Math.max(source.width, source.height * aspect);
  const height = width / aspect;
  return { left: (source.width - width) / 2, top: (source.height - height) / 2, width, height };
}

/**
 * The one scale (screen pixels per source pixel) the source and every tile are drawn at: the source fits `sourceBox`,
 * and no tile's longer side exceeds `maxTile`, so the largest output still fits its column.
 */
export function sharedScale(source: PixelSize, windows: readonly SourceBoxView[], sourceBox: number, maxTile: number): number {
  const fitSource = sourceBox / Math.max(source.width, source.height);
  const largest = Math.max(1, ...windows.map((window) => Math.max(window.width, window.height)));
  return Math.min(fitSource, maxTile / largest);
}

/** The tile of an output at a scale: its window's size, so its shape is exactly the output's aspect ratio. */
export function tileSize(output: Pick<JobOutput, 'layout' | 'width' | 'height'>, source: PixelSize, scale: number): PixelSize {
  const window = outputWindow(output, source);
  // The window has the output's aspect ratio by construction; width from it, height from the output's own ratio.
  const width = Math.max(12, window.width * scale);
  return { width, height: (width * output.height) / output.width };
}

/** The preview size to ask the host for: a few fixed steps, so tiles of one job share cached previews. */
export function previewSide(displaySide: number, devicePixelRatio = 1): number {
  const wanted = displaySide * Math.max(1, devicePixelRatio);
  return [128, 240, 480, 960].find((side) => side >= wanted) ?? 960;
}
