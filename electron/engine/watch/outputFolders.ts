import { basename, dirname, join, resolve } from 'node:path';
import { DEFAULT_NAMING_TEMPLATE, finishSegment, parseNamingTemplate, sanitizeTokenValue, type NamingToken } from '../output';
import type { TargetSize } from '../../domain/sizes';
import type { WatchProfile } from './watchTypes';

// Tokens whose value is the same for every output of one size of one folder; the others vary per source file.
const FOLDER_CONSTANT_TOKENS: ReadonlySet<NamingToken> = new Set(['w', 'h', 'profile', 'folder']);

/**
 * The folders a profile's outputs for a watched folder go into, as far as the template fixes them: for each size,
 * the leading template folders that use only {w} {h} {profile} {folder} (the default template gives the siblings
 * `<parent>/<folder>-<W>x<H>`). Mirrors resolveOutputPath's rules (root = the folder's parent, sanitized values,
 * empty segments collapsed). A template that puts files straight into the root fixes no folder and adds nothing.
 */
export function templateOutputFolders(folderPath: string, profile: WatchProfile): string[] {
  const watched = resolve(folderPath);
  const root = dirname(watched);
  let template;
  try {
    template = parseNamingTemplate(profile.template ?? DEFAULT_NAMING_TEMPLATE);
  } catch {
    return []; // A broken template fails every job with its own error; it makes no folders to avoid.
  }
  const folderSegments = template.slice(0, -1);
  const folders = new Set<string>();
  for (const size of profile.sizes ?? []) {
    const values = tokenValues(watched, size, profile.name ?? '');
    const fixed: string[] = [];
    for (const parts of folderSegments) {
      if (parts.some((part) => 'token' in part && !FOLDER_CONSTANT_TOKENS.has(part.token))) break;
      const segment = finishSegment(
        parts.map((part) => ('literal' in part ? part.literal : sanitizeTokenValue(values[part.token] ?? ''))).join(''),
      );
      if (segment !== '') fixed.push(segment);
    }
    if (fixed.length > 0) folders.add(join(root, ...fixed));
  }
  return [...folders];
}

function tokenValues(watched: string, size: TargetSize, profileName: string): Partial<Record<NamingToken, string>> {
  return { w: String(size.width), h: String(size.height), profile: profileName, folder: basename(watched) };
}

/**
 * Matches the names the default template gives a folder's outputs, `<watchedName>-<W>x<H>`: such a folder inside
 * the watched tree holds the app's outputs (an older template, another machine's settings) and is never watched.
 */
export function outputFolderNamePattern(folderPath: string): RegExp {
  const name = basename(resolve(folderPath)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${name}-\\d+x\\d+$`, 'i');
}
