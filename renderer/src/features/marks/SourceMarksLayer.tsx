import { useRef, useState } from 'react';
import type { UserMarks } from '../../../../electron/shared';
import { useSourceStage } from '../review/sourceStageContext';
import { marksAfterGesture } from './marksGeometry';

interface Props {
  marks: UserMarks;
  /** Editing: clicks set the focal point, drags draw keep boxes; otherwise the marks are only drawn. */
  editing: boolean;
  onChange: (marks: UserMarks) => void;
}

/**
 * A layer of the job view's source (inside SourceStage): the focal point as a cross and the keep boxes as dashed
 * boxes. While editing it takes the pointer from the frames below: a click sets the focal point, a drag draws a
 * keep box, a box's x removes it.
 */
export function SourceMarksLayer({ marks, editing, onChange }: Props) {
  const stage = useSourceStage();
  const start = useRef<{ x: number; y: number; pointerId: number } | null>(null);
  const [draft, setDraft] = useState<{ x: number; y: number; w: number; h: number } | null>(null);
  const { width, height } = stage.source;
  const px = 1 / stage.scale;
  return (
    <svg
      className={`stage-layer source-marks ${editing ? 'editing' : ''}`}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="group"
      aria-label={editing ? 'Click to set the focal point, drag to draw a box to keep whole' : 'Focal point and keep boxes'}
      data-testid="source-marks"
      onPointerDown={(event) => {
        if (!editing || event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        start.current = { ...stage.toSource(event.clientX, event.clientY), pointerId: event.pointerId };
      }}
      onPointerMove={(event) => {
        const from = start.current;
        if (!from || from.pointerId !== event.pointerId) return;
        const to = stage.toSource(event.clientX, event.clientY);
        setDraft({ x: Math.min(from.x, to.x), y: Math.min(from.y, to.y), w: Math.abs(to.x - from.x), h: Math.abs(to.y - from.y) });
      }}
      onPointerUp={(event) => {
        const from = start.current;
        start.current = null;
        setDraft(null);
        if (!from || from.pointerId !== event.pointerId) return;
        onChange(marksAfterGesture(marks, from, stage.toSource(event.clientX, event.clientY), stage.source, stage.scale));
      }}
    >
      {marks.keep.map((box, index) => (
        <g key={index} className="keep-box" data-testid="keep-box">
          <rect x={box.left * width} y={box.top * height} width={box.width * width} height={box.height * height} strokeWidth={2 * px} strokeDasharray={`${6 * px} ${4 * px}`} />
          {editing && (
            <g
              className="keep-box-remove"
              role="button"
              aria-label={`Remove keep box ${index + 1}`}
              onPointerDown={(event) => event.stopPropagation()}
              onClick={() => onChange({ ...marks, keep: marks.keep.filter((_, other) => other !== index) })}
            >
              <circle cx={(box.left + box.width) * width} cy={box.top * height} r={9 * px} />
              <path d={`M ${(box.left + box.width) * width - 4 * px} ${box.top * height - 4 * px} l ${8 * px} ${8 * px} m 0 ${-8 * px} l ${-8 * px} ${8 * px}`} strokeWidth={2 * px} />
            </g>
          )}
        </g>
      ))}
      {draft && <rect className="keep-box-draft" x={draft.x} y={draft.y} width={draft.w} height={draft.h} strokeWidth={2 * px} />}
      {marks.focus && (
        <g className="focus-mark" data-testid="focus-mark" transform={`translate(${marks.focus.x * width} ${marks.focus.y * height})`}>
          <circle r={10 * px} strokeWidth={2.5 * px} />
          <path d={`M ${-16 * px} 0 H ${-5 * px} M ${5 * px} 0 H ${16 * px} M 0 ${-16 * px} V ${-5 * px} M 0 ${5 * px} V ${16 * px}`} strokeWidth={2.5 * px} />
        </g>
      )}
    </svg>
  );
}
