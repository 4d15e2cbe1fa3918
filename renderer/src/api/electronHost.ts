import type { ElectronBridge } from '../../../electron/shared';
import { rendererApiFromBridge } from '../../../electron/shared/bridgeApi';
import type { Host } from './hostTypes';

/**
 * The desktop app's host: calls go over the preload bridge. Loaded only inside Electron, so the browser's start-up
 * bundle leaves out the bridge's contract lookups.
 */
export function electronHost(bridge: ElectronBridge): Host {
  const api = rendererApiFromBridge(bridge);
  return {
    kind: 'electron',
    api,
    filesToPaths: async (files) => {
      const paths = files.map((file) => bridge.pathForFile(file)).filter((path) => path.length > 0);
      const failures = files.length === paths.length ? [] : [{ name: 'Some items', message: 'have no path on disk.' }];
      return { paths, failures };
    },
    releaseHandedOver: async () => undefined,
    quoteFiles: async (files, profileId) => {
      const paths = files.map((file) => bridge.pathForFile(file)).filter((path) => path.length > 0);
      return paths.length === 0 ? null : api.estimate.paths({ paths, profileId });
    },
    dragOutput: (event, output) => {
      // The page's own drag would carry a picture of the thumbnail; the main process starts the file drag instead.
      event.preventDefault();
      bridge.startOutputDrag(output);
    },
    onConnectionChange: () => () => undefined,
  };
}
