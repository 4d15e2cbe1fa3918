import type { Page } from '@playwright/test';

/**
 * Installed in the page before any of its scripts run (the probes are plain page JavaScript, so they are kept as
 * text: the bench's typings have no DOM). It records when the first History row is on screen (the frame after it
 * entered the DOM, in ms since navigation start) and reports it through a binding, every long task, and
 * requestAnimationFrame deltas on demand.
 */
const PROBE_SCRIPT = `(() => {
  const probe = { firstRowAt: null, longTasks: [], frames: [], recording: false };
  window.__uiBench = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const watcher = new MutationObserver(() => {
    if (document.querySelector('.history-row')) {
      watcher.disconnect();
      requestAnimationFrame(() => {
        probe.firstRowAt = performance.now();
        window.__uiBenchFirstRow(probe.firstRowAt);
      });
    }
  });
  watcher.observe(document, { childList: true, subtree: true });
  probe.startFrames = () => {
    probe.frames = [];
    probe.recording = true;
    let last = performance.now();
    const tick = (now) => {
      if (!probe.recording) return;
      probe.frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  probe.stopFrames = () => { probe.recording = false; };
})();`;

/** One long task as the page's PerformanceObserver saw it, in ms since navigation start. */
export interface LongTask {
  readonly start: number;
  readonly duration: number;
}

interface ProbeView {
  longTasks: LongTask[];
  frames: number[];
  startFrames(): void;
  stopFrames(): void;
}

// page.evaluate callbacks are serialised into the page, so each one reaches the probe on window by itself.

const firstRows = new WeakMap<Page, Promise<number>>();

/** Adds the probes to every document the page loads from now on. */
export async function installProbes(page: Page): Promise<void> {
  // The page calls the binding with the first row's time. Waiting with page.waitForFunction instead made Playwright
  // inject and run its polling script in the page as soon as it loaded, that is in the middle of the load timed.
  let reportFirstRow: (at: number) => void = () => undefined;
  firstRows.set(page, new Promise<number>((resolve) => (reportFirstRow = resolve)));
  await page.exposeBinding('__uiBenchFirstRow', (_source, at: number) => reportFirstRow(at));
  await page.addInitScript(PROBE_SCRIPT);
}

/** Ms from navigation start to the frame showing the first History row (waits for it, 30 s at most). */
export async function firstRowMs(page: Page): Promise<number> {
  const firstRow = firstRows.get(page);
  if (!firstRow) throw new Error('installProbes(page) first.');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('No History row appeared within 30 s.')), 30_000);
  });
  try {
    return await Promise.race([firstRow, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The page clock now (ms since navigation start), to cut long tasks into windows. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Starts collecting requestAnimationFrame deltas. */
export function startFrames(page: Page): Promise<void> {
  return page.evaluate(() => (globalThis as unknown as { __uiBench: ProbeView }).__uiBench.startFrames());
}

/** Stops collecting and answers the frame deltas in ms. */
export function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const probe = (globalThis as unknown as { __uiBench: ProbeView }).__uiBench;
    probe.stopFrames();
    return probe.frames;
  });
}

/** Long tasks that started inside [from, to). */
export async function longTasksBetween(page: Page, from: number, to: number): Promise<LongTask[]> {
  const tasks = await page.evaluate(() => (globalThis as unknown as { __uiBench: ProbeView }).__uiBench.longTasks);
  return tasks.filter((task) => task.start >= from && task.start < to);
}
