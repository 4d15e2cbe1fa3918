import { describe, expect, it } from 'vitest';
import { batchTiming } from '../../../renderer/src/features/queue/batchTiming';
import { parseSizeText } from '../../../renderer/src/features/profiles/sizeText';
import { pageFromHash } from '../../../renderer/src/shell/routes';
import { formatCentsRange, formatDuration } from '../../../renderer/src/ui/format';

describe('renderer helpers', () => {
  it('derives the ETA from the pace of the batch so far', () => {
    expect(batchTiming({ total: 10, finished: 0, startedAt: 0 }, 5000)).toEqual({ elapsedMs: 5000, etaMs: null });
    expect(batchTiming({ total: 10, finished: 2, startedAt: 0 }, 6000)).toEqual({ elapsedMs: 6000, etaMs: 24_000 });
    expect(batchTiming({ total: 4, finished: 4, startedAt: 0 }, 9000).etaMs).toBeNull();
  });

  it('maps hashes to pages, unknown ones to Drop', () => {
    expect(pageFromHash('#/history')).toBe('history');
    expect(pageFromHash('#/settings?x=1')).toBe('settings');
    expect(pageFromHash('#/nope')).toBe('drop');
    expect(pageFromHash('')).toBe('drop');
  });

  it('reads typed sizes and formats money and durations', () => {
    expect(parseSizeText(' 1080 x 1350 ')).toEqual({ width: 1080, height: 1350 });
    expect(parseSizeText('1080×1920')).toEqual({ width: 1080, height: 1920 });
    expect(parseSizeText('1080')).toBeNull();
    expect(formatCentsRange(65, 65)).toBe('$0.65');
    expect(formatCentsRange(0, 130)).toBe('$0.00 – $1.30');
    expect(formatDuration(3_725_000)).toBe('1h 02m');
    expect(formatDuration(200_000)).toBe('3m 20s');
  });
});
