/**
 * Each job state in a person's words, one copy for the badge, the job log and the command line, so a log line
 * never says a state twice ("Done done") or in code ("job state: done").
 */
export const JOB_STATE_LABELS = {
  queued: 'Queued',
  preparing: 'Preparing',
  uploading: 'Uploading',
  submitted: 'At fal',
  downloading: 'Downloading',
  writing: 'Writing',
  done: 'Done',
  waiting_network: 'Waiting for network',
  waiting_budget: 'Waiting for budget',
  retry_scheduled: 'Retry scheduled',
  awaiting_approval: 'Awaiting approval',
  failed: 'Failed',
  cancelled: 'Cancelled',
  skipped: 'Skipped',
} as const;

/** What a job is doing in each state, as the log says it when the change came with no reason of its own. */
export const JOB_STATE_SENTENCES = {
  queued: 'Waiting for its turn.',
  preparing: 'Reading the image.',
  uploading: 'Sending the image to fal.',
  submitted: 'fal is working on it.',
  downloading: 'Fetching the results from fal.',
  writing: 'Saving the output files.',
  done: 'All outputs written.',
  waiting_network: 'fal cannot be reached; it goes out when the network is back.',
  waiting_budget: 'Held until the budget allows it.',
  retry_scheduled: 'It will be tried again soon.',
  awaiting_approval: 'Previews made locally; its paid sizes wait for your approval before anything goes to fal.',
  failed: 'It stopped with an error.',
  cancelled: 'Stopped before it finished.',
  skipped: 'Same image as one already made with this profile: nothing was paid.',
} as const;
