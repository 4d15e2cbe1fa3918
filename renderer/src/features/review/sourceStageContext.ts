import { createContext, useContext } from 'react';
import type { PixelSize } from './outputWindows';

/**
 * What a layer stacked on the source panel knows: the source's upright pixel size, the scale it is drawn at, and how
 * to turn a pointer position into source pixels. The frames of each size are one layer; the focal point and keep
 * boxes (issue 13's marks) are meant to be another, given to SourceStage as a child.
 */
export interface SourceStageValue {
  readonly source: PixelSize;
  /** Screen pixels per source pixel. */
  readonly scale: number;
  /** A pointer's client position in source pixels (may fall outside the source when dragged past its edge). */
  toSource(clientX: number, clientY: number): { x: number; y: number };
}

export const SourceStageContext = createContext<SourceStageValue | null>(null);

/** The stage a layer is drawn on; only inside a SourceStage. */
export function useSourceStage(): SourceStageValue {
  const stage = useContext(SourceStageContext);
  if (!stage) throw new Error('useSourceStage is only for layers inside a SourceStage.');
  return stage;
}
