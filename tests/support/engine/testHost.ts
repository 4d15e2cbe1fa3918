import type { HostServices } from '../../../electron/engine/api/hostServices';

/** Host services for tests that call the API handlers: no file manager, no dialog, the key kept in a file. */
export const TEST_HOST: HostServices = {
  openPath: async () => undefined,
  revealPath: async () => undefined,
  pickFolder: async () => null,
  keyStorage: 'file',
};
