import type { Box } from '../../local/geometry';

/** An 8-bit interleaved canvas being filled: RGB or RGBA, row-major, no padding. */
export interface Canvas {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
}

/** Copies the fitted image (placement-sized, same channels) into the canvas at the placement. */
export function pasteFitted(canvas: Canvas, fitted: Buffer, placement: Box): void {
  const rowBytes = placement.width * canvas.channels;
  for (let y = 0; y < placement.height; y += 1) {
    const targetOffset = ((placement.top + y) * canvas.width + placement.left) * canvas.channels;
    fitted.copy(canvas.data, targetOffset, y * rowBytes, (y + 1) * rowBytes);
  }
}
