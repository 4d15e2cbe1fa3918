import { JOB_STATE_SENTENCES } from '../../domain/jobStateWords';
import type { JobState } from '../../domain/jobStates';
import { BURST_REASON } from '../spend';

/** The engine's short reasons (written into job events) as sentences for the job's log. */
const REASON_SENTENCES: Readonly<Record<string, string>> = {
  'retried by the user': 'You asked for a retry.',
  'cancelled by the user': 'You cancelled it.',
  'waiting for the network': 'fal could not be reached; it goes out when the network is back.',
  'resuming the fal request': 'Picking up its fal request where it was.',
  'resuming the fal request after a restart': 'The app restarted; picking up its fal request where it was.',
  'restarted after the app stopped': 'The app stopped while it ran; starting it again.',
  'the app was closed while this job ran': 'The app was closed while it ran; it continues at the next start.',
  'stopped waiting for fal': 'Stopped waiting for fal; back in line.',
  'burst released': 'You let the burst go ahead.',
  'budget available again': 'The budget allows it again.',
  [BURST_REASON]: 'Part of a burst of files: waiting for your go-ahead.',
};

// Every state has a sentence (a compile error here means a state was added without one).
const STATE_SENTENCES: Readonly<Record<JobState, string>> = JOB_STATE_SENTENCES;

/**
 * The log line's text for a move into `state`: the reason as a sentence ("You asked for a retry."), or what the
 * state means when there was none. Never the state's name again: the log shows that beside it.
 */
export function jobLogSentence(state: JobState, reason: string | null | undefined): string {
  const text = reason?.trim();
  if (!text) return STATE_SENTENCES[state];
  const known = REASON_SENTENCES[text];
  if (known) return known;
  const request = /^fal request (\S+)$/.exec(text);
  if (request) return `Sent to fal as request ${request[1]}.`;
  // A plain first word is capitalised; a file name ("photo.jpg is …") or "fal" is left as it is.
  const sentence = /^[a-z]+ /.test(text) && !text.startsWith('fal ') ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  return /[.!?)]$/.test(sentence) ? sentence : `${sentence}.`;
}
