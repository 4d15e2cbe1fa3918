import type { BrowseListing, DropQuote, RendererApi } from '../../../electron/shared';
import type { ConnectionListener } from './eventStreamTypes';

/** A dropped file that could not be handed to the host. */
export interface DropFailure {
  name: string;
  message: string;
}

/** The parts of a dragstart event a host needs to hand the dragged output over. */
export interface OutputDragEvent {
  readonly dataTransfer: DataTransfer | null;
  preventDefault(): void;
}

/** Everything the UI needs from whichever host it runs in. */
export interface Host {
  kind: 'electron' | 'browser';
  api: RendererApi;
  /** Paths on the host's disk for dropped files: the preload knows them; a browser uploads the files first. */
  filesToPaths(files: File[]): Promise<{ paths: string[]; failures: DropFailure[] }>;
  /**
   * Lets go of files handed over for a drop that was not queued (its question cancelled or no longer holding): a
   * browser's uploads are removed from the server's inbox, so nothing is left behind and the next Start uploads each
   * file once; the desktop app's are the person's own files and stay untouched.
   */
  releaseHandedOver(paths: string[]): Promise<void>;
  /**
   * The engine's quote of staged files as the drop would be quoted once handed over (new images only, copies of images
   * already made left out): by their paths in the desktop app, by their contents in a browser (nothing is uploaded
   * before Start). Null when none of them can be quoted.
   */
  quoteFiles(files: File[], profileId: string): Promise<DropQuote | null>;
  /** The server-side folder browser (browser only; Electron uses the native dialog verb). */
  browseFolders?: (path?: string) => Promise<BrowseListing>;
  /** Makes a folder `name` inside `parent` from the server-side folder browser (inside its places only). */
  createFolder?: (parent: string, name: string) => Promise<BrowseListing>;
  /**
   * Lets an output dragged from the page land in another app as a file: Electron starts the system's file drag of
   * the output itself; a browser is given a download of it (a DownloadURL item), which it saves where it is dropped.
   */
  dragOutput(event: OutputDragEvent, output: { readonly jobId: string; readonly path: string }): void;
  onConnectionChange(listener: ConnectionListener): () => void;
}
