import { approvalVerbs } from './approvalVerbs';
import { folderVerbs } from './folderVerbs';
import { jobVerbs } from './jobVerbs';
import { markVerbs } from './markVerbs';
import { profileVerbs } from './profileVerbs';
import { reviewVerbs } from './reviewVerbs';
import { budgetVerbs, spendVerbs } from './spendVerbs';
import { dialogVerbs, estimateVerbs, falKeyVerbs, mediaVerbs, queueVerbs, settingsVerbs, shellVerbs } from './systemVerbs';

/**
 * The single source of truth for what the UI can ask a host. Every transport (IPC, HTTP) and every type the
 * renderer and hosts use is derived from this object, so changing a schema here breaks whichever side disagrees.
 * A verb's wire name is `group.name`, for example `profiles.list`.
 */
export const apiContract = {
  profiles: profileVerbs,
  folders: folderVerbs,
  jobs: jobVerbs,
  review: reviewVerbs,
  marks: markVerbs,
  approvals: approvalVerbs,
  queue: queueVerbs,
  estimate: estimateVerbs,
  settings: settingsVerbs,
  falKey: falKeyVerbs,
  shell: shellVerbs,
  dialog: dialogVerbs,
  media: mediaVerbs,
  spend: spendVerbs,
  budget: budgetVerbs,
} as const;

export type ApiContract = typeof apiContract;
