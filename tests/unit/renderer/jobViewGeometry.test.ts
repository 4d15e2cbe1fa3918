import { describe, expect, it } from 'vitest';
import type { Job, JobOutput } from '../../../electron/shared';
import { clipToSource, movedWindow } from '../../../renderer/src/features/review/frameDrag';
import { outputWindow, sharedScale, tileSize } from '../../../renderer/src/features/review/outputWindows';
import { sheetColumns } from '../../../renderer/src/features/review/sheetColumns';
import { contactSheetLink, sheetFiltersFrom } from '../../../renderer/src/features/review/sheetFilters';
import { pageFromHash, sidebarPage } from '../../../renderer/src/shell/routes';

const SOURCE = { width: 600, height: 450 };
const output = (width: number, height: number, layout: JobOutput['layout'] = null): JobOutput => ({
  path: `/out/${width}x${height}.jpg`,
  width,
  height,
  target: `${width}x${height}`,
  provider: layout ? 'local' : 'fal',
  tier: null,
  askedForFal: false,
  layout,
});
/** A centred crop of the square's shape: 450x450 of the 600x450 source. */
const squareCrop = { method: 'crop' as const, fill: null, window: { left: 75, top: 0, width: 450, height: 450 }, sourceRegion: { left: 75, top: 0, width: 450, height: 450 } };

describe('the job view’s geometry', () => {
  it('draws a crop at its window’s size and a fal output around the whole source, both at the output’s shape', () => {
    const square = output(1080, 1080, squareCrop);
    const portrait = output(1080, 1350);
    expect(tileSize(square, SOURCE, 0.5)).toEqual({ width: 225, height: 225, shrunk: 1 });
    // fal recomposes the whole 4:3 source into 4:5: the window holds all 600 px of its width.
    expect(outputWindow(portrait, SOURCE)).toEqual({ left: 0, top: -150, width: 600, height: 750 });
    const tile = tileSize(portrait, SOURCE, 0.5);
    expect(tile.width / tile.height).toBeCloseTo(1080 / 1350, 6);
    expect(tile.width).toBe(300);
  });

  it('picks one scale that fits the source and keeps the largest window within a tile', () => {
    expect(sharedScale(SOURCE, [squareCrop.window], 300, 1000)).toBe(0.5);
    // A window 1200 source px long would make a 600 px tile at 0.5: the scale drops to fit 400.
    expect(sharedScale(SOURCE, [{ left: -300, top: 0, width: 1200, height: 450 }], 300, 400)).toBeCloseTo(1 / 3, 6);
    // A leaderboard fitted around the whole photo (3640 px wide) counts as twice the source, and its tile shrinks.
    const leaderboard = output(728, 90, { method: 'pad', fill: 'blur', window: { left: -1520, top: 0, width: 3640, height: 450 }, sourceRegion: { left: 0, top: 0, width: 600, height: 450 } });
    const scale = sharedScale(SOURCE, [leaderboard.layout!.window], 420, 600);
    expect(scale).toBeCloseTo(0.5, 6);
    const tile = tileSize(leaderboard, SOURCE, scale, 600);
    expect(tile.width).toBeCloseTo(600, 6);
    expect(tile.shrunk).toBeCloseTo(600 / 1820, 6);
  });

  it('keeps a dragged crop inside the source and shows the part of a padded window over it', () => {
    expect(movedWindow(squareCrop.window, 500, 40, SOURCE, true)).toEqual({ left: 150, top: 0, width: 450, height: 450 });
    expect(movedWindow(squareCrop.window, -500, 0, SOURCE, true).left).toBe(0);
    expect(clipToSource({ left: -100, top: 0, width: 800, height: 450 }, SOURCE)).toEqual({ left: 0, top: 0, width: 600, height: 450 });
  });

  it('lays out contact sheet columns by size, each cell of its size’s shape', () => {
    const job = (outputs: JobOutput[]) => ({ outputs }) as unknown as Job;
    const columns = sheetColumns([job([output(1080, 1080), output(728, 90)]), job([output(1080, 1920), output(1080, 1080)])], 96, 260);
    expect(columns.map((column) => column.target)).toEqual(['1080x1080', '728x90', '1080x1920']);
    expect(columns[0]).toMatchObject({ width: 96, height: 96 });
    // The leaderboard is limited by the widest cell: 260 px wide, 32 px tall.
    expect(columns[1]).toMatchObject({ width: 260, height: 32 });
    expect(columns[2]).toMatchObject({ width: 54, height: 96 });
  });

  it('carries History’s filters to the contact sheet and routes its pages under History', () => {
    const link = contactSheetLink({ search: 'spring', states: ['done', 'failed'], since: 100 });
    expect(pageFromHash(link)).toBe('sheet');
    expect(sheetFiltersFrom(new URLSearchParams(link.split('?')[1]))).toEqual({ search: 'spring', states: ['done', 'failed'], since: 100 });
    expect(sheetFiltersFrom(new URLSearchParams('states=done,bogus&since=-4'))).toEqual({ states: ['done'] });
    expect(sidebarPage('job')).toBe('history');
    expect(pageFromHash('#/job?id=job_1')).toBe('job');
  });
});
