import { useRef, useState, type CSSProperties } from 'react';
import type { FullImage } from '../../../../electron/shared';

interface Props {
  after: FullImage;
  before: FullImage | undefined;
  /** `fit`: the whole picture in the view; `actual`: one image pixel per screen pixel, panned by dragging. */
  zoom: 'fit' | 'actual';
}

/**
 * An output over the same region of its source, split by a line the slider moves (keys work on it). At 1:1 both
 * are drawn one image pixel per device pixel and the view pans by dragging.
 */
export function ZoomCompare({ after, before, zoom }: Props) {
  const [split, setSplit] = useState(50);
  const view = useRef<HTMLDivElement>(null);
  const pan = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const ratio = window.devicePixelRatio || 1;
  const size = zoom === 'actual' ? { width: after.width / ratio, height: after.height / ratio } : undefined;
  return (
    <div className="zoom-compare">
      <div
        ref={view}
        className={`zoom-view zoom-${zoom}`}
        data-testid="zoom-view"
        onPointerDown={(event) => {
          if (zoom !== 'actual' || !view.current) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          pan.current = { x: event.clientX, y: event.clientY, left: view.current.scrollLeft, top: view.current.scrollTop };
        }}
        onPointerMove={(event) => {
          if (!pan.current || !view.current) return;
          view.current.scrollLeft = pan.current.left - (event.clientX - pan.current.x);
          view.current.scrollTop = pan.current.top - (event.clientY - pan.current.y);
        }}
        onPointerUp={() => (pan.current = null)}
      >
        <div className="zoom-canvas" style={size ?? ({ aspectRatio: `${after.width} / ${after.height}`, '--aspect': after.width / after.height } as CSSProperties)}>
          {before ? <img className="zoom-image" src={before.dataUrl} alt="Before: the same region of the source" draggable={false} /> : <div className="zoom-image thumb-placeholder" />}
          <div className="zoom-after" style={{ clipPath: `inset(0 0 0 ${split}%)` }}>
            <img className="zoom-image" src={after.dataUrl} alt="After: the output" draggable={false} />
          </div>
          <div className="compare-line" style={{ left: `${split}%` }} />
          <span className="compare-label compare-label-before">Before</span>
          <span className="compare-label compare-label-after">After</span>
        </div>
      </div>
      <label className="zoom-split small">
        <span className="muted">Before</span>
        <input type="range" min={0} max={100} value={split} onChange={(event) => setSplit(Number(event.target.value))} aria-label="Before and after" />
        <span className="muted">After</span>
      </label>
    </div>
  );
}
