import { SmartResizeError } from '../../../electron/domain/errors';
import type { ApiHandlers, Folder } from '../../../electron/shared';
import { PENDING_JOB_STATES } from '../../../electron/domain/jobStates';
import { nextFakeId, type FakeState } from './fakeState';

function findFolder(state: FakeState, id: string): Folder {
  const folder = state.folders.find((candidate) => candidate.id === id);
  if (!folder) throw new SmartResizeError('folder_not_found', `There is no watched folder with id "${id}".`);
  return folder;
}

function requireProfile(state: FakeState, profileId: string): void {
  if (!state.profiles.some((profile) => profile.id === profileId)) {
    throw new SmartResizeError('profile_not_found', `There is no profile with id "${profileId}".`);
  }
}

/** Counts a folder's jobs the way the store does. */
export function countFolderJobs(state: FakeState, folderId: string): Folder['counts'] {
  const counts = { waiting: 0, done: 0, failed: 0 };
  for (const job of state.jobs) {
    if (job.folderId !== folderId) continue;
    if (job.state === 'done') counts.done += 1;
    else if (job.state === 'failed') counts.failed += 1;
    else if (PENDING_JOB_STATES.includes(job.state)) counts.waiting += 1;
  }
  return counts;
}

function withCounts(state: FakeState, folder: Folder): Folder {
  folder.counts = countFolderJobs(state, folder.id);
  return folder;
}

/** Folder verbs over the fake state; a folder is "watching" when enabled and "disabled" otherwise. */
export function fakeFolderHandlers(state: FakeState): ApiHandlers['folders'] {
  return {
    list: async () => state.folders.map((folder) => withCounts(state, folder)),
    add: async (input) => {
      requireProfile(state, input.profileId);
      if (state.folders.some((folder) => folder.path === input.path)) {
        throw new SmartResizeError('folder_already_watched', `${input.path} is already watched.`);
      }
      const folder: Folder = {
        ...input, id: nextFakeId(state, 'fold'), status: input.enabled ? 'watching' : 'disabled', statusReason: null,
        counts: { waiting: 0, done: 0, failed: 0 },
      };
      state.folders.push(folder);
      return folder;
    },
    update: async ({ id, patch }) => {
      const folder = findFolder(state, id);
      if (patch.profileId) requireProfile(state, patch.profileId);
      Object.assign(folder, patch);
      if (patch.enabled !== undefined) {
        folder.status = patch.enabled ? 'watching' : 'disabled';
        folder.statusReason = null;
      }
      return withCounts(state, folder);
    },
    remove: async ({ id }) => {
      findFolder(state, id);
      state.folders = state.folders.filter((folder) => folder.id !== id);
      return { ok: true as const };
    },
  };
}
