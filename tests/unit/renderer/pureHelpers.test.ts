import { describe, expect, it } from 'vitest';
import { batchTiming, elapsedNeverBack } from '../../../renderer/src/features/queue/batchTiming';
import { pollingWords } from '../../../renderer/src/features/folders/watchMethodWords';
import { parseSizeText } from '../../../renderer/src/features/profiles/sizeText';
import { pageFromHash } from '../../../renderer/src/shell/routes';
import { formatCentsRange, formatDuration } from '../../../renderer/src/ui/format';

describe('renderer helpers', () => {
  it("words the engine's batch: elapsed from its fixed start, the time left counting down, blocked, finished", () => {
    const batch = { total: 10, finished: 2, failed: 0, cancelled: 0, startedAt: 0, endedAt: null, etaAt: 30_000, blocked: null };
    expect(batchTiming({ ...batch, finished: 0, etaAt: null }, 5000)).toEqual({ elapsedMs: 5000, timeLeft: 'Estimating time left…', blockedReason: null });
    expect(batchTiming(batch, 6000)).toEqual({ elapsedMs: 6000, timeLeft: 'About 24s left', blockedReason: null });
    expect(batchTiming(batch, 29_900).timeLeft).toBe('Almost done…');
    const blocked = { ...batch, etaAt: null, blocked: { cause: 'budget' as const, reason: 'Daily budget $3.50 reached' } };
    expect(batchTiming(blocked, 9000)).toEqual({ elapsedMs: 9000, timeLeft: 'Blocked: budget', blockedReason: 'Daily budget $3.50 reached' });
    expect(batchTiming({ ...batch, finished: 10, etaAt: null, endedAt: 32_000 }, 90_000)).toEqual({ elapsedMs: 32_000, timeLeft: 'Finished', blockedReason: null });
  });

  it('keeps the elapsed time shown from going back when the batch ends a moment before the page hears of it', () => {
    const running = elapsedNeverBack(null, 1000, 18_400);
    expect(running).toEqual({ startedAt: 1000, elapsedMs: 18_400 });
    // The engine's end (17.9 s) arrives after the page's clock showed 18.4 s: the page keeps 18.4 s.
    expect(elapsedNeverBack(running, 1000, 17_900)).toBe(running);
    expect(elapsedNeverBack(running, 1000, 19_000)).toEqual({ startedAt: 1000, elapsedMs: 19_000 });
    // A new batch (another start) starts from its own elapsed, however short.
    expect(elapsedNeverBack(running, 60_000, 200)).toEqual({ startedAt: 60_000, elapsedMs: 200 });
  });

  it('says a folder is polled, and why when it is a network share the person did not choose for', () => {
    expect(pollingWords({ polling: null, watchMethod: 'network_polling' })).toBe('polling (network share)');
    expect(pollingWords({ polling: true, watchMethod: 'polling' })).toBe('polling');
    expect(pollingWords({ polling: null, watchMethod: 'events' })).toBeUndefined();
    expect(pollingWords({ polling: false })).toBeUndefined();
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
