import { basename } from 'node:path';
import { JOB_STATE_LABELS } from '../../domain/jobStateWords';
import { jobLogSentence } from '../../engine/api/jobLogText';
import { isJobState } from '../../domain/jobStates';
import type { Engine } from '../../engine/runtime/engine';
import type { StoreEvent } from '../../engine/store';

/** Prints the engine's job and queue events as lines a person can follow in a terminal. */
export function createWatchPrinter(engine: Engine, out: NodeJS.WritableStream = process.stdout): { line(text: string): void; stop(): void } {
  const line = (text: string) => out.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
  const onStored = (event: StoreEvent) => {
    // Every kind printed here carries its job (see StoreEvent.job).
    const name = event.job ? basename(event.job.sourcePath) : (event.jobId ?? '?');
    if (event.kind === 'job_created') line(`${name}: queued`);
    // A skipped copy's reason names the first job of its content ("same image as photo.jpg").
    else if (event.kind === 'job_skipped') line(`${name}: skipped — ${event.job?.stateReason ?? 'same image as another job'}, already in History`);
    else if (event.kind === 'request_submitted') line(`${name}: sent to fal (request ${String(event.data['requestId'])})`);
    else if (event.kind === 'output_written') line(`${name}: wrote ${String(event.data['path'] ?? event.data['target'] ?? 'an output')}`);
    else if (event.kind === 'job_state') {
      const to = event.data['to'];
      if (!isJobState(to)) return;
      const reason = typeof event.data['reason'] === 'string' ? event.data['reason'] : null;
      // Why it stopped or waits is news; the other states speak for themselves.
      const why = to === 'failed' || to === 'waiting_network' || to === 'waiting_budget' || to === 'retry_scheduled';
      line(`${name}: ${JOB_STATE_LABELS[to].toLowerCase()}${why ? ` — ${jobLogSentence(to, reason)}` : ''}`);
    }
  };
  let lastQueueLine = '';
  const onQueue = (status: { state: string; reason?: string }) => {
    const text = `queue ${status.state}${status.reason ? `: ${status.reason}` : ''}`;
    // The scheduler reports on every dispatch; only a change of state is news.
    if (text !== lastQueueLine && (status.state !== 'running' || lastQueueLine !== '')) line(text);
    lastQueueLine = text;
  };
  const onFolder = (status: { path: string; state: string; reason?: string }) => line(`folder ${status.path}: ${status.state}${status.reason ? ` (${status.reason})` : ''}`);
  const onNotice = (notice: { message: string }) => line(`note: ${notice.message}`);
  engine.events.on('stored', onStored);
  engine.events.on('queue', onQueue);
  engine.events.on('folder', onFolder);
  engine.events.on('notice', onNotice);
  return {
    line,
    stop: () => {
      engine.events.off('stored', onStored);
      engine.events.off('queue', onQueue);
      engine.events.off('folder', onFolder);
      engine.events.off('notice', onNotice);
    },
  };
}
