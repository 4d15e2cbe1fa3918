import type { JobDetail, JobOutput } from '../../../../electron/shared';
import { OutputTile } from './OutputTile';
import { tileSize, type PixelSize } from './outputWindows';

interface Props {
  job: JobDetail;
  source: PixelSize;
  /** The scale the source is drawn at; every tile shares it. */
  scale: number;
  /** The longest a tile may be: a far shape's window longer than this at `scale` is drawn smaller. */
  maxTile: number;
  colourOf: (output: JobOutput) => string;
  activeTarget: string | null;
  onSelect: (target: string) => void;
  onOpenLarge: (output: JobOutput) => void;
  onReveal: (path: string) => void;
  onOpen: (path: string) => void;
}

/** Every output of a job in one grid, each at its true aspect ratio and at the same scale of the source. */
export function OutputGrid({ job, source, scale, maxTile, colourOf, activeTarget, onSelect, onOpenLarge, onReveal, onOpen }: Props) {
  return (
    <ul className="output-grid tile-grid" aria-label="Outputs at their true shape">
      {job.outputs.map((output) => (
        <OutputTile
          key={output.path}
          jobId={job.id}
          output={output}
          size={tileSize(output, source, scale, maxTile)}
          colour={colourOf(output)}
          missing={job.missingOutputs.includes(output.path)}
          active={output.target === activeTarget}
          onSelect={() => onSelect(output.target)}
          onOpenLarge={() => onOpenLarge(output)}
          onReveal={() => onReveal(output.path)}
          onOpen={() => onOpen(output.path)}
        />
      ))}
    </ul>
  );
}
