import type { Job } from '../../../../electron/shared';

/** One size column of a contact sheet and the picture box its cells draw in. */
export interface SheetColumn {
  readonly target: string;
  readonly width: number;
  readonly height: number;
}

/**
 * The sizes of the jobs on a sheet, in the order they first appear, each with a cell picture box of its aspect ratio
 * fitted into `maxWidth` x `rowPicture` (a leaderboard is short and wide, a story tall and narrow).
 */
export function sheetColumns(jobs: readonly Job[], rowPicture: number, maxWidth: number): SheetColumn[] {
  const seen = new Map<string, { width: number; height: number }>();
  for (const job of jobs) for (const output of job.outputs) if (!seen.has(output.target)) seen.set(output.target, output);
  return [...seen].map(([target, size]) => {
    const scale = Math.min(rowPicture / size.height, maxWidth / size.width);
    return { target, width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
  });
}
