import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProfileInput } from '../../../electron/engine/profiles';
import type { SettingsPatch } from '../../../electron/engine/settings/settingsSchema';
import { prepareWatchData } from '../engine/watchProcess';

/**
 * One data folder per instance of a team under `root` (`data-<name>`), each with the same settings and the same
 * profile: the same profile id, so every instance computes the same dedupe key (as a team preset gives them; an
 * imported copy would have an id of its own). Resolves the folders in the order of `instances`.
 */
export function prepareTeamData(root: string, instances: readonly string[], profile: ProfileInput, settings: SettingsPatch): string[] {
  const dirs = instances.map((name) => join(root, `data-${name}`));
  prepareWatchData(dirs[0]!, profile, settings);
  for (const dir of dirs.slice(1)) {
    mkdirSync(dir, { recursive: true });
    for (const file of ['settings.json', 'profiles.json']) copyFileSync(join(dirs[0]!, file), join(dir, file));
  }
  return dirs;
}
