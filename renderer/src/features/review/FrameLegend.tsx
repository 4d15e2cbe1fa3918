import type { FrameSpec } from './SourceFrames';

/** The sizes under the source, each with its frame's colour: a click makes it the active frame. */
export function FrameLegend({ frames, activeTarget, onSelect }: { frames: readonly FrameSpec[]; activeTarget: string | null; onSelect: (target: string) => void }) {
  return (
    <ul className="frame-legend" aria-label="Sizes">
      {frames.map(({ output, colour }) => (
        <li key={output.path}>
          <button type="button" className={`legend-item ${output.target === activeTarget ? 'active' : ''}`} aria-pressed={output.target === activeTarget} onClick={() => onSelect(output.target)}>
            <span className="legend-swatch" style={{ borderColor: colour, borderStyle: output.layout ? 'solid' : 'dotted' }} aria-hidden />
            <span className="mono">{output.target}</span>
            {!output.layout && <span className="muted small">fal, no frame</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
