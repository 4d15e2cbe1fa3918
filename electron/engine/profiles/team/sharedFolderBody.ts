import type { WatchedFolder } from '../../settings/settingsSchema';

/**
 * What a team shares of a watched folder: where it is and how it is made. Whether it is switched on stays each
 * instance's own (a designer may pause a folder here without pausing it for the team).
 */
export interface SharedFolderBody {
  readonly path: string;
  readonly profileId: string;
  readonly recursive: boolean;
  /** Polling on or off, or null: not chosen (each instance then decides by its own mount of the folder). */
  readonly polling: boolean | null;
  readonly trusted: boolean;
  /**
   * Review first is the team's: an instance that took a review-first folder's file without it would send it to fal
   * unapproved. Absent only in a row written before it was shared (read back: the instance keeps its own setting).
   */
  readonly reviewFirst?: boolean;
}

/** The shared part of a folder, in a fixed key order (so two bodies compare as JSON text). */
export function sharedFolderBody(folder: WatchedFolder): SharedFolderBody {
  return {
    path: folder.path,
    profileId: folder.profileId,
    recursive: folder.recursive,
    polling: folder.polling,
    trusted: folder.trusted,
    reviewFirst: folder.reviewFirst === true,
  };
}

/**
 * The body as the database holds it, read back (a row another version wrote may lack newer fields). A row without
 * `reviewFirst` leaves it out rather than saying off: applied over a local folder, the local setting stays (never
 * switched off by a writer that did not know it), and the next push shares it.
 */
export function readSharedFolderBody(body: unknown): SharedFolderBody | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  if (typeof b.path !== 'string' || typeof b.profileId !== 'string') return undefined;
  return {
    path: b.path,
    profileId: b.profileId,
    recursive: b.recursive === true,
    polling: typeof b.polling === 'boolean' ? b.polling : null,
    trusted: b.trusted === true,
    ...(typeof b.reviewFirst === 'boolean' && { reviewFirst: b.reviewFirst }),
  };
}
