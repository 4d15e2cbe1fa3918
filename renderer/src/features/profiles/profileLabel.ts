import type { Profile } from '../../../../electron/shared';

/**
 * A profile's name as pickers and lists show it. A team preset may share its name with a profile of this computer
 * (the team's arrived while the name was taken here), so the team's says so: "Meta feed (team)".
 */
export function profileLabel(profile: Pick<Profile, 'name' | 'shared'>): string {
  return profile.shared ? `${profile.name} (team)` : profile.name;
}
