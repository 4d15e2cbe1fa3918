import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SmartResizeError } from '../../domain/errors';
import { variantLetter } from '../../domain/variantLetters';
import type { TargetSize } from '../../domain/sizes';
import {
  DEFAULT_NAMING_TEMPLATE,
  parseNamingTemplate,
  templateUsesToken,
  type NamingToken,
  type ParsedTemplate,
} from './namingTemplate';
import { extensionForFormat } from './outputFormat';
import type { OutputFormat } from '../../domain/outputFormats';
import { finishSegment, sanitizeTokenValue } from './sanitizeSegment';

/** Tokens with one value each ({dir} may span several folders and is handled apart). */
type FileToken = Exclude<NamingToken, 'dir'>;

/** Everything that decides where one output image goes. */
export interface OutputPathRequest {
  /** The source image (absolute, or relative to the working directory). */
  readonly sourcePath: string;
  readonly size: TargetSize;
  readonly format: OutputFormat;
  /** Naming template; DEFAULT_NAMING_TEMPLATE when omitted. */
  readonly template?: string;
  /** The watched (or dropped) folder the source belongs to: gives {folder} and {dir}. Default: the source's folder. */
  readonly watchedFolder?: string;
  /** Folder the template is resolved under. Default: the watched folder's parent, so outputs land beside it. */
  readonly outputRoot?: string;
  /** {profile}; empty (and its segment collapsed) when the sizes came from no profile. */
  readonly profileName?: string;
  /** 1-based index of this image among the `imageCount` made for this size (num_images_per_size). */
  readonly imageIndex?: number;
  readonly imageCount?: number;
  /** With several images per size: `ab` names every one with a letter (name_A.ext, name_B.ext) instead of "-2", "-3". */
  readonly variantNaming?: 'choose' | 'ab';
  /** Clock for {date} (local calendar date). */
  readonly now?: Date;
}

/** Where an output goes: the file path and the root it is guaranteed to stay inside. */
export interface ResolvedOutputPath {
  readonly path: string;
  readonly root: string;
}

/**
 * Renders the naming template for one output. Literal '/' in the template makes folders; token values are
 * sanitized so they can never add a folder or climb out; empty segments collapse (an empty {dir} or {profile}
 * leaves no '//'). With several images per size and no {n} in the template, images 2.. get "-2", "-3" before the
 * extension so they do not overwrite each other (with `variantNaming: 'ab'`, every image gets "_A", "_B", ...). Throws SmartResizeError('invalid_template' | 'output_path_escape').
 */
export function resolveOutputPath(request: OutputPathRequest): ResolvedOutputPath {
  const templateText = request.template ?? DEFAULT_NAMING_TEMPLATE;
  const template = parseNamingTemplate(templateText);
  const sourcePath = resolve(request.sourcePath);
  const watchedFolder = resolve(request.watchedFolder ?? dirname(sourcePath));
  const root = resolve(request.outputRoot ?? dirname(watchedFolder));
  const imageCount = request.imageCount ?? 1;
  const imageIndex = request.imageIndex ?? 1;
  if (!Number.isInteger(imageIndex) || imageIndex < 1 || imageIndex > imageCount) {
    throw new RangeError(`imageIndex ${imageIndex} is outside 1..${imageCount}`);
  }
  const ext = extensionForFormat(request.format);
  const values: Record<FileToken, string> = {
    name: basename(sourcePath, extname(sourcePath)),
    w: String(request.size.width),
    h: String(request.size.height),
    profile: request.profileName ?? '',
    n: String(imageIndex),
    ext,
    date: localDate(request.now ?? new Date()),
    folder: basename(watchedFolder),
  };
  const dirSegments = mirroredSubfolders(sourcePath, watchedFolder);

  const render = (parts: ParsedTemplate[number]): string[] =>
    parts.some((part) => 'token' in part && part.token === 'dir')
      ? dirSegments
      : [parts.map((part) => ('literal' in part ? part.literal : sanitizeTokenValue(values[part.token as FileToken]))).join('')];
  const folders = template.slice(0, -1).flatMap(render).map(finishSegment).filter((segment) => segment !== '');
  const fileName = finishSegment(render(template[template.length - 1] ?? []).join(''));
  if (fileName === '') {
    throw new SmartResizeError('invalid_template', `Naming template "${templateText}" gives no file name for ${basename(sourcePath)}.`);
  }
  const numbered = imageCount > 1 && !templateUsesToken(template, 'n') ? numberedName(fileName, ext, imageIndex, request.variantNaming) : fileName;
  return { path: assertInside(root, join(root, ...folders, numbered)), root };
}

/** Subfolders between the watched folder and the source, each sanitized; [] when the source sits at the top. */
function mirroredSubfolders(sourcePath: string, watchedFolder: string): string[] {
  const relativeDir = relative(watchedFolder, dirname(sourcePath));
  if (relativeDir === '') return [];
  if (isAbsolute(relativeDir) || relativeDir === '..' || relativeDir.startsWith(`..${sep}`)) {
    throw new SmartResizeError('output_path_escape', `${sourcePath} is not inside the folder ${watchedFolder}.`);
  }
  return relativeDir.split(sep).map((part) => finishSegment(sanitizeTokenValue(part))).filter((part) => part !== '');
}

/** One of several images of a size: "-2", "-3" after the first, or A/B letters on every one. */
function numberedName(fileName: string, ext: string, index: number, naming: 'choose' | 'ab' | undefined): string {
  if (naming === 'ab') return withSuffix(fileName, ext, `_${variantLetter(index - 1)}`);
  return index > 1 ? withSuffix(fileName, ext, `-${index}`) : fileName;
}

/** The file name with a suffix before its extension. */
function withSuffix(fileName: string, ext: string, suffix: string): string {
  const dotExt = `.${ext}`;
  return fileName.endsWith(dotExt) && fileName.length > dotExt.length ? `${fileName.slice(0, -dotExt.length)}${suffix}${dotExt}` : `${fileName}${suffix}`;
}

/** The last line of defence: whatever the template and values did, the path must be strictly inside the root. */
function assertInside(root: string, candidate: string): string {
  const resolved = resolve(candidate);
  const fromRoot = relative(root, resolved);
  if (fromRoot === '' || isAbsolute(fromRoot) || fromRoot === '..' || fromRoot.startsWith(`..${sep}`)) {
    throw new SmartResizeError('output_path_escape', `The output path ${resolved} would be outside the output folder ${root}.`);
  }
  return resolved;
}

function localDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
