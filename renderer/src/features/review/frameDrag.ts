import type { SourceBoxView } from '../../../../electron/shared';
import type { PixelSize } from './outputWindows';

/**
 * A window moved by a drag of (dx, dy) source pixels. A crop's window stays inside the source (it would otherwise
 * become a padded layout the person did not ask for); a padded window may move freely but keeps half of itself
 * over the source, so the picture never slides out of its canvas.
 */
export function movedWindow(window: SourceBoxView, dx: number, dy: number, source: PixelSize, keepInside: boolean): SourceBoxView {
  const moved = { ...window, left: window.left + dx, top: window.top + dy };
  if (keepInside) {
    return {
      ...moved,
      left: clamp(moved.left, Math.min(0, source.width - window.width), Math.max(0, source.width - window.width)),
      top: clamp(moved.top, Math.min(0, source.height - window.height), Math.max(0, source.height - window.height)),
    };
  }
  return {
    ...moved,
    left: clamp(moved.left, -window.width / 2, source.width - window.width / 2),
    top: clamp(moved.top, -window.height / 2, source.height - window.height / 2),
  };
}

/** The part of a window over the source (what the frame shows). */
export function clipToSource(window: SourceBoxView, source: PixelSize): SourceBoxView {
  const left = Math.max(0, window.left);
  const top = Math.max(0, window.top);
  const right = Math.min(source.width, window.left + window.width);
  const bottom = Math.min(source.height, window.top + window.height);
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

/** True when a drag moved the window by at least a whole source pixel (a click is not a nudge). */
export function movedEnough(before: SourceBoxView, after: SourceBoxView): boolean {
  return Math.abs(before.left - after.left) >= 1 || Math.abs(before.top - after.top) >= 1;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
