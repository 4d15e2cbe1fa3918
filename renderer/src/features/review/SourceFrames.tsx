import { useEffect, useRef, useState } from 'react';
import type { JobOutput, SourceBoxView } from '../../../../electron/shared';
import { clipToSource, movedEnough, movedWindow } from './frameDrag';
import { useSourceStage } from './sourceStageContext';

/** One size's frame: the output it belongs to and its colour. */
export interface FrameSpec {
  readonly output: JobOutput;
  readonly colour: string;
}

interface Props {
  frames: readonly FrameSpec[];
  /** The size whose frame is drawn bold and may be dragged. */
  activeTarget: string | null;
  onSelect: (target: string) => void;
  /** A drag of the active frame ended at this window; absent: frames cannot be dragged. */
  onNudge?: (output: JobOutput, window: SourceBoxView) => void;
  /** A nudge is being made: the active frame waits at its new place. */
  busy?: boolean;
}

/**
 * The source panel's frames: the part of the source each locally made size shows (fal recomposes, so its sizes
 * have none). The active size's frame is bold; dragging it moves its window, and letting go asks for a nudge.
 */
export function SourceFrames({ frames, activeTarget, onSelect, onNudge, busy }: Props) {
  const stage = useSourceStage();
  const drag = useRef<{ start: { x: number; y: number }; window: SourceBoxView; pointerId: number } | null>(null);
  const [dragged, setDragged] = useState<{ target: string; window: SourceBoxView } | null>(null);
  // New frames (the job was fetched again after a nudge) replace the dragged one.
  useEffect(() => setDragged(null), [frames]);
  const framed = frames.filter((frame) => frame.output.layout);
  const ordered = [...framed.filter((frame) => frame.output.target !== activeTarget), ...framed.filter((frame) => frame.output.target === activeTarget)];

  const windowOf = (frame: FrameSpec) => (dragged?.target === frame.output.target ? dragged.window : frame.output.layout!.window);
  return (
    <svg
      className="stage-layer source-frames"
      viewBox={`0 0 ${stage.source.width} ${stage.source.height}`}
      preserveAspectRatio="none"
      aria-label="The part of the source each size shows"
      role="group"
    >
      {ordered.map((frame) => {
        const { output, colour } = frame;
        const active = output.target === activeTarget;
        const region = clipToSource(windowOf(frame), stage.source);
        const draggable = active && Boolean(onNudge) && !busy;
        const stroke = (active ? 3 : 1.5) / stage.scale;
        return (
          <g
            key={output.path}
            className={`source-frame ${active ? 'active' : ''} ${draggable ? 'draggable' : ''}`}
            data-target={output.target}
            role="button"
            aria-label={active && onNudge ? `Frame of ${output.target}: drag to move the crop` : `Frame of ${output.target}`}
            aria-pressed={active}
            tabIndex={0}
            onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && onSelect(output.target)}
            onPointerDown={(event) => {
              if (!active) {
                onSelect(output.target);
                return;
              }
              if (!draggable) return;
              event.currentTarget.setPointerCapture(event.pointerId);
              drag.current = { start: stage.toSource(event.clientX, event.clientY), window: output.layout!.window, pointerId: event.pointerId };
            }}
            onPointerMove={(event) => {
              const current = drag.current;
              if (!current || current.pointerId !== event.pointerId) return;
              const at = stage.toSource(event.clientX, event.clientY);
              const window = movedWindow(current.window, at.x - current.start.x, at.y - current.start.y, stage.source, output.layout!.method === 'crop');
              setDragged({ target: output.target, window });
            }}
            onPointerUp={(event) => {
              const current = drag.current;
              drag.current = null;
              if (!current || current.pointerId !== event.pointerId || !dragged || dragged.target !== output.target) return;
              const window = dragged.window;
              if (movedEnough(current.window, window)) onNudge?.(output, window);
              else setDragged(null);
            }}
          >
            <rect x={region.left} y={region.top} width={region.width} height={region.height} fill={active ? 'rgba(255,255,255,0.06)' : 'transparent'} stroke={colour} strokeWidth={stroke} strokeDasharray={active ? undefined : `${6 / stage.scale} ${4 / stage.scale}`} />
            {active && (
              <text x={region.left + 6 / stage.scale} y={region.top + 16 / stage.scale} fontSize={12 / stage.scale} strokeWidth={3 / stage.scale} fill={colour} className="frame-label">
                {output.target}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
