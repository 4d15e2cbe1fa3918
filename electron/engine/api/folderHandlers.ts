import type { ApiHandlers } from '../../shared/contract/types';
import type { Folder } from '../../shared/schemas/folder';
import type { WatchedFolder } from '../settings/settingsSchema';
import type { EngineParts } from '../runtime/engineParts';
import { ensureFolder, typedFolderPath } from './folderPaths';
import { assertFolderAllowed, type PathPolicy } from './pathPolicy';
import { PENDING_JOB_STATES } from '../../domain/jobStates';

/**
 * folders.*: watched folders live in settings; their status comes from the hot-folder manager, counts from the
 * store. A typed path is made absolute (`~` is `homeDir`; relative paths are refused) and must be an existing
 * folder, or one created on request; a path policy (headless host) limits where they may be.
 */
export function folderHandlers(engine: EngineParts, homeDir: string, pathPolicy?: PathPolicy): ApiHandlers['folders'] {
  const toApi = (folder: WatchedFolder) => toApiFolder(engine, folder);
  const checkedFolder = async (typed: string, create: boolean) => {
    const path = typedFolderPath(typed, homeDir);
    // Allowed first: nothing is created outside the allowed places.
    await assertFolderAllowed(path, pathPolicy);
    await ensureFolder(path, create);
    return path;
  };
  return {
    list: async () => Promise.all(engine.settings.get().folders.map(toApi)),
    add: async ({ createIfMissing, ...input }) => {
      engine.profiles.get(input.profileId);
      const path = await checkedFolder(input.path, createIfMissing);
      const folder = engine.settings.addFolder({ ...input, path });
      engine.applyFolderSettings();
      await engine.presets.sync();
      return toApi(folder);
    },
    update: async ({ id, patch: asked }) => {
      if (asked.profileId) engine.profiles.get(asked.profileId);
      const patch = keepingProfileReference(engine, id, asked);
      const path = patch.path === undefined ? undefined : await checkedFolder(patch.path, false);
      const folder = engine.settings.updateFolder(id, { ...patch, ...(path !== undefined && { path }) });
      engine.applyFolderSettings();
      await engine.presets.sync();
      return toApi(folder);
    },
    remove: async ({ id }) => {
      engine.settings.removeFolder(id);
      engine.applyFolderSettings();
      await engine.presets.sync();
      return { ok: true as const };
    },
  };
}

/**
 * A folder that names a stopped team preset by the team's id shows this instance's copy of it (the profile its
 * images are made with here); a patch naming that same copy keeps the team's id, so a shared folder saved
 * unchanged does not send every instance of the team a profile id only this one has.
 */
function keepingProfileReference<T extends { readonly profileId?: string }>(engine: EngineParts, folderId: string, patch: T): T {
  const stored = engine.settings.get().folders.find((folder) => folder.id === folderId)?.profileId;
  if (patch.profileId === undefined || stored === undefined || patch.profileId === stored) return patch;
  return engine.profiles.find(stored)?.id === patch.profileId ? { ...patch, profileId: stored } : patch;
}

/** A folder's settings with its live status and job counts. */
export async function toApiFolder(engine: EngineParts, folder: WatchedFolder): Promise<Folder> {
  const status = engine.folders.statuses().find((candidate) => candidate.folderId === folder.id);
  const counts = await engine.store.history.countByState({ folderId: folder.id });
  const waiting = PENDING_JOB_STATES.reduce((sum, state) => sum + counts[state], 0);
  return {
    id: folder.id,
    path: folder.path,
    profileId: engine.profiles.find(folder.profileId)?.id ?? folder.profileId,
    enabled: folder.enabled,
    recursive: folder.recursive,
    polling: folder.polling,
    trusted: folder.trusted,
    ...(folder.shared && { shared: true }),
    ...(folder.reviewFirst && { reviewFirst: true }),
    status: status?.state ?? (folder.enabled ? 'standby' : 'disabled'),
    statusReason: status?.reason ?? null,
    ...(status?.method && { watchMethod: status.method }),
    counts: { waiting, done: counts.done, failed: counts.failed, skipped: counts.skipped, preflight: await engine.store.outputs.preflightCounts({ folderId: folder.id }) },
  };
}
