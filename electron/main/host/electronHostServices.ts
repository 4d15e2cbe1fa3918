import { app, dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { HostServices } from '../../engine/api/hostServices';
import { SmartResizeError } from '../../domain/errors';
import type { FalKeyStore } from '../../engine/settings/falKeyStore';
import { applyStartAtLogin } from './loginItem';

/** What the desktop host's services need from the rest of the main process. */
export interface ElectronHostDeps {
  readonly keyStore: FalKeyStore & { readonly storage: 'safeStorage' | 'plaintext-fallback' };
  /** The window a folder dialog belongs to (so it is modal to it), if any is open. */
  readonly parentWindow: () => BrowserWindow | undefined;
}

/** The file manager, the native folder picker, the key's storage and the login item, the Electron way. */
export function electronHostServices(deps: ElectronHostDeps): HostServices {
  return {
    openPath: async (path) => {
      // shell.openPath answers an error message instead of throwing.
      const failure = await shell.openPath(path);
      if (failure) throw new SmartResizeError('file_unreadable', `Could not open ${path}: ${failure}`);
    },
    revealPath: async (path) => shell.showItemInFolder(path),
    pickFolder: async (title) => {
      const options: OpenDialogOptions = { title: title ?? 'Choose a folder', properties: ['openDirectory', 'createDirectory'] };
      const parent = deps.parentWindow();
      const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    get keyStorage() {
      return deps.keyStore.storage;
    },
    onSettingsChanged: (settings) => applyStartAtLogin(app, settings.startAtLogin),
  };
}
