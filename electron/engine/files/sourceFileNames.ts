import { basename, extname } from 'node:path';
import { SOURCE_IMAGE_EXTENSIONS } from '../../domain/sourceImages';
import { isInSyncClientFolder, isSyncClientFileName } from './syncClientNames';

/** Extensions the app takes as source images (decoded by sharp, or by the WASM HEIC decoder). */
export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(SOURCE_IMAGE_EXTENSIONS);

// Browsers, editors and sync tools write these while a file is incomplete, or leave them as metadata.
const PARTIAL_SUFFIXES = ['.part', '.crdownload', '.tmp', '.download', '.partial', '.opdownload', '.swp'];
const SYSTEM_NAMES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini', 'icon\r']);

/**
 * True for names that are never work: dotfiles, Office lock files (~$), partial downloads, OS metadata, and a sync
 * client's partial downloads and conflict copies.
 */
export function isIgnoredFileName(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  if (lower.startsWith('.') || lower.startsWith('~$')) return true;
  if (SYSTEM_NAMES.has(lower) || isSyncClientFileName(fileName)) return true;
  return PARTIAL_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

// Metadata written beside images (XMP sidecars with focal points and keep boxes, Apple's edit files): not work, and
// not a file the folder failed to take either.
const SIDECAR_EXTENSIONS = new Set(['.xmp', '.aae']);

/**
 * True for a file a watched folder must account for: an image it takes, or any other file it refuses with a trace.
 * Ignored names and sidecars are neither.
 */
export function isWatchedFilePath(path: string): boolean {
  const name = basename(path);
  if (isIgnoredFileName(name) || isInSyncClientFolder(path)) return false;
  return !SIDECAR_EXTENSIONS.has(extname(name).toLowerCase());
}

/** True when a path names a file the app should pick up as a source image. */
export function isCandidateImagePath(path: string): boolean {
  const name = basename(path);
  if (isIgnoredFileName(name) || isInSyncClientFolder(path)) return false;
  return IMAGE_EXTENSIONS.has(extname(name).toLowerCase());
}
