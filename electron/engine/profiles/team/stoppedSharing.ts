import type { Profile } from '../profileSchema';

/**
 * A team preset's removal row (`removed` set) says either that the profile was deleted (every instance hides it)
 * or that it stopped being shared (every instance keeps it as its own). Both keep the last version as the row's
 * body; a stop also carries `stoppedSharing: true`, so rows written before there was a stop read as deletions.
 */
export function stoppedSharingBody(last: Profile): Profile & { stoppedSharing: true } {
  return { ...last, stoppedSharing: true };
}

export function isStoppedSharing(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { stoppedSharing?: unknown }).stoppedSharing === true;
}
