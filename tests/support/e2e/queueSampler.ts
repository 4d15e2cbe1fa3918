import type { Page } from '@playwright/test';

/** What the Queue page showed at one moment: the batch's three texts and each running job's progress. */
export interface QueueSample {
  readonly count: string;
  readonly elapsed: string;
  readonly left: string;
  /** [file name, aria-valuenow] of every progress bar of a pending job. */
  readonly rows: Array<[string, number]>;
}

/**
 * Records the Queue page's batch line and per-job progress on every change of the page (a MutationObserver in the
 * page), so a test sees every value a person could have seen, not only the ones it happened to poll.
 */
export async function startQueueSampler(page: Page): Promise<void> {
  // Page code as text: the tests' typings have no DOM lib.
  await page.evaluate(`(() => {
    const samples = [];
    window.__queueSamples = samples;
    const text = (id) => document.querySelector('[data-testid="' + id + '"]')?.textContent?.trim() ?? '';
    let last = '';
    const take = () => {
      const rows = [...document.querySelectorAll('.job-row')].flatMap((row) => {
        const bar = row.querySelector('[role="progressbar"]');
        const name = row.querySelector('.job-name')?.textContent ?? '';
        return bar ? [[name, Number(bar.getAttribute('aria-valuenow'))]] : [];
      });
      const sample = { count: text('batch-count'), elapsed: text('batch-elapsed'), left: text('batch-time-left'), rows };
      const key = JSON.stringify(sample);
      if (key !== last) samples.push(sample);
      last = key;
    };
    new MutationObserver(take).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    take();
  })()`);
}

/** Everything recorded since startQueueSampler. */
export async function queueSamples(page: Page): Promise<QueueSample[]> {
  return (await page.evaluate('window.__queueSamples')) as QueueSample[];
}

/** "12 of 20 finished" (with or without "Last batch: ") as numbers; undefined for any other text. */
export function parseCount(text: string): { finished: number; total: number } | undefined {
  const match = /(\d+) of (\d+) finished/.exec(text);
  return match ? { finished: Number(match[1]), total: Number(match[2]) } : undefined;
}

/** Seconds in "Elapsed 1m 02s", "Took 12s", "Elapsed 1h 05m". */
export function parseSeconds(text: string): number | undefined {
  const match = /(?:(\d+)h )?(?:(\d+)m )?(?:(\d+)s)?$/.exec(text.replace(/^(Elapsed|Took) /, ''));
  if (!match || match[0] === '') return undefined;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}
