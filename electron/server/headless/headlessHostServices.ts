import { dirname } from 'node:path';
import type { HostServices } from '../../engine/api/hostServices';
import { openWithSystem } from './openWithSystem';

/**
 * Host services of the headless server. It runs on the person's own machine (it binds 127.0.0.1), so "open" and
 * "reveal" start the platform's opener there. It has no native dialog: the UI falls back to the server-side folder
 * browser. The key is kept in a 0600 file, since a headless machine has no keychain to ask.
 */
export function headlessHostServices(): HostServices {
  return {
    openPath: async (path) => openWithSystem(path),
    // Opening the containing folder is as close to "reveal" as the generic openers get.
    revealPath: async (path) => openWithSystem(dirname(path)),
    pickFolder: async () => null,
    keyStorage: 'file',
  };
}
