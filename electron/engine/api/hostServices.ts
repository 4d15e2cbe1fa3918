import type { FalKeyStorage } from '../../shared/schemas/settings';

/**
 * What only a host can do for the API: the OS file manager, native dialogs, and where the fal key is kept.
 * The Electron host uses shell/dialog/safeStorage; the headless host opens files on the server machine and has no
 * native dialog (the UI then uses the server-side folder browser).
 */
export interface HostServices {
  openPath(path: string): Promise<void>;
  revealPath(path: string): Promise<void>;
  /** A folder the person picked, or null (cancelled, or the host has no dialog). */
  pickFolder(title?: string): Promise<string | null>;
  /** How a stored key is kept by this host's key store. */
  readonly keyStorage: Exclude<FalKeyStorage, 'env' | 'none'>;
  /** Settings that the host applies itself (start at login) changed. */
  onSettingsChanged?(settings: { startAtLogin: boolean; closeToTray: boolean }): void;
}
