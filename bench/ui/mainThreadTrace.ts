import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';

/** The renderer main thread's tasks over a traced stretch, in wall-clock time and in CPU time. */
export interface MainThreadSummary {
  readonly tasks: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Tasks that used more than 50 ms of CPU: long whatever else runs on the machine. */
  readonly cpuOver50: number;
  readonly longestCpuMs: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly args?: { readonly name?: string };
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  /** Thread time (CPU) in microseconds. */
  readonly tdur?: number;
}

/** Starts a Chromium trace of the page with the timeline categories (each task's wall and thread time). */
export async function startMainThreadTrace(browser: Browser, page: Page, path: string): Promise<void> {
  await browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
}

/**
 * Stops the trace and sums the tasks of the page's main thread: the busiest `CrRendererMain` among those that
 * loaded the app's scripts from `origin`. The trace also holds the browser process and the renderer of the blank
 * page a new tab starts with (busy too: the app's cross-origin-opener policy moves it to a process of its own), so
 * the busiest renderer alone is not always the app's. On a busy machine wall-clock task lengths include time spent
 * waiting for a core; CPU time shows the page's own work.
 */
export async function stopMainThreadTrace(browser: Browser, path: string, origin: string): Promise<MainThreadSummary> {
  await browser.stopTracing();
  const parsed = JSON.parse(await readFile(path, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const appAssets = `${origin}/assets/`;
  const appThreads = new Set(
    events.filter((event) => event.args && JSON.stringify(event.args).includes(appAssets)).map((event) => `${event.pid}:${event.tid}`),
  );
  const rendererMains = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`)
      .filter((thread) => appThreads.has(thread)),
  );
  const tasks = events.filter((event) => event.name === 'RunTask' && event.dur && rendererMains.has(`${event.pid}:${event.tid}`));
  const busy = new Map<string, number>();
  for (const task of tasks) busy.set(`${task.pid}:${task.tid}`, (busy.get(`${task.pid}:${task.tid}`) ?? 0) + task.dur!);
  const mainThread = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const main = tasks.filter((task) => `${task.pid}:${task.tid}` === mainThread);
  const cpu = main.map((task) => (task.tdur ?? 0) / 1000);
  return {
    tasks: main.length,
    wallMs: main.reduce((sum, task) => sum + task.dur! / 1000, 0),
    cpuMs: cpu.reduce((sum, ms) => sum + ms, 0),
    cpuOver50: cpu.filter((ms) => ms > 50).length,
    longestCpuMs: Math.max(0, ...cpu),
  };
}
