import { useState, type ReactNode } from 'react';
import { Thumbnail } from '../../ui/Thumbnail';

/** The source and one output on top of each other, split by a draggable line (a range input, so keys work too). */
export function BeforeAfterSlider({ sourcePath, outputPath, width, height, overlay }: { sourcePath: string; outputPath: string; width: number; height: number; overlay?: ReactNode }) {
  const [position, setPosition] = useState(50);
  return (
    <div className="compare" style={{ aspectRatio: `${width} / ${height}` }}>
      <Thumbnail path={sourcePath} maxSide={480} alt="Before" className="compare-image" />
      <div className="compare-after" style={{ clipPath: `inset(0 0 0 ${position}%)` }}>
        <Thumbnail path={outputPath} maxSide={480} alt="After" className="compare-image" />
      </div>
      {overlay}
      <div className="compare-line" style={{ left: `${position}%` }} />
      <span className="compare-label compare-label-before">Before</span>
      <span className="compare-label compare-label-after">After</span>
      <input
        type="range"
        className="compare-range"
        min={0}
        max={100}
        value={position}
        onChange={(event) => setPosition(Number(event.target.value))}
        aria-label="Before and after"
      />
    </div>
  );
}
