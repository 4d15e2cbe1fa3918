import type { JobOutput } from '../../../../electron/shared';

const BOX = 40;

/**
 * A job's outputs as their shapes, overlaid and centred in one small box (each aspect ratio fitted to it), so a row
 * says "a square, a banner and a story" at a glance; fal's in the accent colour, local ones in grey. Cheap to draw
 * for every row: no preview request.
 */
export function OutputShapes({ outputs }: { outputs: readonly JobOutput[] }) {
  const shapes = [...new Map(outputs.map((output) => [output.target, output])).values()];
  if (shapes.length === 0) return <span className="thumb thumb-small thumb-empty history-output-thumb" />;
  const label = `Outputs: ${shapes.map((output) => output.target.replace('x', '×')).join(', ')}`;
  return (
    <svg className="output-shapes history-output-thumb" width={44} height={44} viewBox="0 0 44 44" role="img" aria-label={label}>
      <title>{label}</title>
      {shapes.map((output) => {
        const scale = BOX / Math.max(output.width, output.height);
        const width = Math.max(2, output.width * scale);
        const height = Math.max(2, output.height * scale);
        return (
          <rect
            key={output.target}
            className={output.provider === 'fal' ? 'shape-fal' : 'shape-local'}
            x={(44 - width) / 2}
            y={(44 - height) / 2}
            width={width}
            height={height}
            rx={1.5}
          />
        );
      })}
    </svg>
  );
}
