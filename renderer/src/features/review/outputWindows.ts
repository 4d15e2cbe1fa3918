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
 * How much longer than the source's own longest side a window may be and still set the job's scale. A size fitted
 * whole into a far shape (a 728x90 leaderboard around a 4:3 photo) has a window many times the source's width; at
 * one scale with it every other tile would be a thumbnail, so such a window is drawn smaller instead (see tileSize).
 */
const MAX_WINDOW_TO_SOURCE = 2;

/**
 * The one scale (screen pixels per source pixel) the source and every tile are drawn at: the source fits `sourceBox`,
 * and no tile's longer side exceeds `maxTile`, so the largest output still fits its column. Windows far longer than
 * the source count as MAX_WINDOW_TO_SOURCE times it.
 */
export function sharedScale(source: PixelSize, windows: readonly SourceBoxView[], sourceBox: number, maxTile: number): number {
  const sourceSide = Math.max(source.width, source.height);
  const fitSource = sourceBox / sourceSide;
  const largest = Math.max(1, ...windows.map((window) => Math.min(Math.max(window.width, window.height), sourceSide * MAX_WINDOW_TO_SOURCE)));
  return Math.min(fitSource, maxTile / largest);
}

/** A tile's picture on screen, and the share of the job's scale it is drawn at (1 for all but far shapes). */
export interface TileSize extends PixelSize {
  readonly shrunk: number;
}

/**
 * The tile of an output at a scale: its window's size, so its shape is exactly the output's aspect ratio. A tile
 * longer than `maxTile` at that scale (a far shape's window, see MAX_WINDOW_TO_SOURCE) is drawn smaller, and says so.
 */
export function tileSize(output: Pick<JobOutput, 'layout' | 'width' | 'height'>, source: PixelSize, scale: number, maxTile = Infinity): TileSize {
  const window = outputWindow(output, source);
  const shrunk = Math.min(1, maxTile / (Math.max(window.width, window.height) * scale));
  // The window has the output's aspect ratio by construction; width from it, height from the output's own ratio.
  const width = Math.max(12, window.width * scale * shrunk);
  return { width, height: (width * output.height) / output.width, shrunk };
}

/** The preview size to ask the host for: a few fixed steps, so tiles of one job share cached previews. */
export function previewSide(displaySide: number, devicePixelRatio = 1): number {
  const wanted = displaySide * Math.max(1, devicePixelRatio);
  return [128, 240, 480, 960].find((side) => side >= wanted) ?? 960;
}
