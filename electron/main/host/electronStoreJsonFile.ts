import ElectronStore from 'electron-store';
import { confFileOptions, confJsonFile } from '../../engine/settings/confFileOptions';
import type { OpenJsonFile } from '../../engine/settings/jsonFile';

/**
 * Opens a data-folder JSON file with electron-store, the desktop app's settings library. It is conf underneath
 * (the same copy the headless host uses), given the same options, so settings.json and profiles.json written by
 * either host open in the other, migrations included. The engine gets this through EngineOptions.jsonFiles and never
 * imports electron-store itself (it imports `electron`, which only exists in the Electron host).
 */
export const openElectronStoreJsonFile: OpenJsonFile = (spec) => {
  const { configName, ...options } = confFileOptions(spec);
  // electron-store names the file `name` and resolves a relative cwd against userData; ours is always absolute.
  return confJsonFile(new ElectronStore({ ...options, name: configName }));
};
