import { isAutomaticPause } from '../../domain/pauseCauses';
import type { JobCounts, QueueState } from '../../shared';
import { waitingCount } from '../queueSummary';

/** What the tray shows for a queue. */
export interface TrayView {
  /** The first, disabled menu line: "Running · 3 waiting", "Offline · 3 waiting", "Paused: fal refused the key". */
  readonly headline: string;
  /** Hover text: the headline with the full reason. */
  readonly tooltip: string;
  /** Whether the menu offers Resume (paused) or Pause. */
  readonly paused: boolean;
}

const MAX_MENU_REASON = 60;

/** The tray's words for the queue state and counts (a pure function, so every case is unit-tested). */
export function trayState(status: Pick<QueueState, 'state' | 'pauseCause' | 'reason'>, counts: JobCounts): TrayView {
  const waiting = `${waitingCount(counts)} waiting`;
  const reason = status.reason?.trim() ?? '';
  // The engine's own pause says why (the person has to act on it); the person's own needs no reason.
  const automatic = status.state === 'paused' && isAutomaticPause(status.pauseCause) && reason !== '';
  let headline: string;
  if (status.state === 'paused') {
    headline = automatic ? `Paused: ${shorten(reason)}` : `Paused · ${waiting}`;
  } else {
    headline = `${status.state === 'offline' ? 'Offline' : 'Running'} · ${waiting}`;
  }
  const detail = automatic ? `Paused: ${reason} · ${waiting}` : headline;
  return { headline, tooltip: `Smart Resize Desktop — ${detail}`, paused: status.state === 'paused' };
}

function shorten(text: string): string {
  return text.length <= MAX_MENU_REASON ? text : `${text.slice(0, MAX_MENU_REASON - 1).trimEnd()}…`;
}
