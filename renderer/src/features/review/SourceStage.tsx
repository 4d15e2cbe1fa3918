import { useMemo, useRef, type ReactNode } from 'react';
import { Thumbnail } from '../../ui/Thumbnail';
import { previewSide, type PixelSize } from './outputWindows';
import { SourceStageContext, type SourceStageValue } from './sourceStageContext';

interface Props {
  sourcePath: string;
  source: PixelSize;
  /** Screen pixels per source pixel. */
  scale: number;
  /**
   * Layers drawn over the source, each absolutely positioned over the whole picture (`.stage-layer`) and reading
   * the stage with useSourceStage(): the frames of each size, and any other overlay (focal point, keep boxes).
   * Later layers are on top; a layer that does not handle the pointer should set `pointer-events: none`.
   */
  children?: ReactNode;
}

/** The source picture at a given scale, with layers stacked on it in the source's own pixel space. */
export function SourceStage({ sourcePath, source, scale, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = source.width * scale;
  const height = source.height * scale;
  const value = useMemo<SourceStageValue>(
    () => ({
      source,
      scale,
      toSource: (clientX, clientY) => {
        const rect = box.current?.getBoundingClientRect();
        if (!rect) return { x: 0, y: 0 };
        return { x: (clientX - rect.left) / scale, y: (clientY - rect.top) / scale };
      },
    }),
    [source, scale],
  );
  return (
    <div ref={box} className="source-stage" style={{ width, height }} data-testid="source-stage">
      <Thumbnail path={sourcePath} maxSide={previewSide(Math.max(width, height), window.devicePixelRatio)} alt="Source" className="stage-image" />
      <SourceStageContext.Provider value={value}>{children}</SourceStageContext.Provider>
    </div>
  );
}
