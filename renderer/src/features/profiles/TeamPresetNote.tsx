import { UserMinus, Users } from 'lucide-react';
import type { Profile } from '../../../../electron/shared';
import { ErrorNote } from '../../ui/ErrorNote';
import { useQueueState } from '../queue/useQueue';
import { useProfileMutations } from './useProfiles';

/**
 * Whether a profile is a team preset (issue 15). On a team's PostgreSQL store a user profile can be shared: its edits
 * then reach every instance of the team (each reads the presets' version every few seconds, and at once when a job
 * needs a version it lacks). "Stop sharing" takes it out of the team for every instance, each keeping its own copy.
 * On one person's SQLite store there is no team, so nothing is offered. `onKeptAs`: the copy kept here has another id
 * (renamed beside a profile of this computer with its name, it is this computer's own copy), to keep it open.
 */
export function TeamPresetNote({ profile, onKeptAs }: { profile: Profile; onKeptAs: (id: string) => void }) {
  const store = useQueueState().data?.store;
  const { share, stopSharing } = useProfileMutations();
  if (profile.builtIn) return null;
  if (profile.shared) {
    return (
      <div className="note note-info" data-testid="team-preset-note">
        <span>
          <Users size={14} /> Team preset: shared with the team{store?.kind === 'postgres' && ` through ${store.location}`}. Saving makes a new
          version for every instance; jobs keep the version they were made with.
        </span>{' '}
        <button
          type="button"
          className="btn btn-small"
          disabled={stopSharing.isPending}
          title="Every instance keeps this profile as its own, at its current version; later edits stay on each computer"
          onClick={() => stopSharing.mutate(profile.id, { onSuccess: (kept) => kept.id !== profile.id && onKeptAs(kept.id) })}
        >
          <UserMinus size={14} /> Stop sharing
        </button>
        <ErrorNote error={stopSharing.error} />
      </div>
    );
  }
  if (profile.sharingStopped) {
    return (
      <p className="note" data-testid="team-preset-stopped">
        <UserMinus size={14} /> No longer shared with the team: this computer keeps its own copy, and its edits stay here. To share it again,
        duplicate it and share the copy.
      </p>
    );
  }
  if (store?.kind !== 'postgres') return null;
  return (
    <div className="note note-info" data-testid="team-preset-offer">
      <span>Only on this computer. Share it to make it a team preset every instance of {store.location} uses.</span>{' '}
      <button type="button" className="btn btn-small" disabled={share.isPending} onClick={() => share.mutate(profile.id)}>
        <Users size={14} /> Share with the team
      </button>
      <ErrorNote error={share.error} />
    </div>
  );
}
