import { useMemo } from 'react';
import type { JobDetail, JobOutput } from '../../../../electron/shared';
import { frameColour } from './frameColours';
import { outputWindow, sharedScale, type PixelSize } from './outputWindows';

/** What the job view draws from a job's detail: the source size, the one scale, and a colour per size. */
export interface JobViewGeometry {
  readonly source: PixelSize;
  readonly scale: number;
  /** The longest side a tile may have; a far shape's longer tile is drawn smaller. */
  readonly maxTile: number;
  readonly colourOf: (output: JobOutput) => string;
}

/**
 * The shared geometry of the job view: the source fits `sourceBox` pixels and no tile is longer than `maxTile`;
 * sizes keep their colour by their order in the job. Without the source's size (an unreadable source), the
 * outputs' own largest side stands in for it.
 */
export function useJobViewGeometry(job: JobDetail | undefined, sourceBox: number, maxTile: number): JobViewGeometry | undefined {
  return useMemo(() => {
    if (!job) return undefined;
    const source = job.source ?? fallbackSource(job.outputs);
    const windows = job.outputs.map((output) => outputWindow(output, source));
    const targets = [...new Set(job.outputs.map((output) => output.target))];
    return {
      source,
      scale: sharedScale(source, windows, sourceBox, maxTile),
      maxTile,
      colourOf: (output: JobOutput) => frameColour(targets.indexOf(output.target)),
    };
  }, [job, sourceBox, maxTile]);
}

function fallbackSource(outputs: readonly JobOutput[]): PixelSize {
  const side = Math.max(1, ...outputs.map((output) => Math.max(output.width, output.height)));
  return { width: side, height: side };
}
