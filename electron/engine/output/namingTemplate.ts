import { SmartResizeError } from '../../domain/errors';

/** Tokens a naming template may use. */
const NAMING_TOKENS = ['name', 'w', 'h', 'profile', 'n', 'ext', 'date', 'folder', 'dir'] as const;

/** One of NAMING_TOKENS. */
export type NamingToken = (typeof NAMING_TOKENS)[number];

/** Sibling folders next to the watched one, mirroring its subfolders: photos/x.jpg -> photos-1080x1080/x.png. */
export const DEFAULT_NAMING_TEMPLATE = '{folder}-{w}x{h}/{dir}/{name}.{ext}';

/** A template piece: literal text or a token. */
type TemplatePart = { readonly literal: string } | { readonly token: NamingToken };

/** A parsed template: one list of parts per path segment ('/' separates segments). */
export type ParsedTemplate = readonly (readonly TemplatePart[])[];

const TOKEN_PATTERN = /\{([^{}]*)\}/g;
// Characters Windows refuses in names, plus controls; '/' is the only way a template makes folders.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_LITERAL = /[<>:"|?*\\\u0000-\u001f\u007f]/;

/**
 * Parses and checks a naming template; throws SmartResizeError('invalid_template') for syntax problems and
 * ('output_path_escape') for anything that aims outside the output root (absolute paths, '.' or '..' segments).
 */
export function parseNamingTemplate(template: string): ParsedTemplate {
  const fail = (code: 'invalid_template' | 'output_path_escape', why: string): never => {
    throw new SmartResizeError(code, `Naming template "${template}" ${why}`);
  };
  if (template.trim() === '') fail('invalid_template', 'is empty: it must at least name the file, e.g. {name}.{ext}.');
  if (template.startsWith('/') || template.startsWith('\\') || /^[A-Za-z]:/.test(template) || template.startsWith('~')) {
    fail('output_path_escape', 'is an absolute path: templates are relative to the output folder.');
  }
  if (template.includes('\\')) fail('invalid_template', 'contains "\\": use "/" to make folders.');
  if (template.endsWith('/')) fail('invalid_template', 'ends with "/": it must end with a file name.');
  const segments = template.split('/').map((segment) => parseSegment(segment, fail));
  segments.forEach((parts, index) => {
    const hasDir = parts.some((part) => 'token' in part && part.token === 'dir');
    if (hasDir && parts.length > 1) fail('invalid_template', 'uses {dir} beside other text: put it alone between slashes, as in {folder}/{dir}/{name}.{ext}.');
    if (hasDir && index === segments.length - 1) fail('invalid_template', 'ends with {dir}: it must end with a file name.');
  });
  return segments;
}

type Fail = (code: 'invalid_template' | 'output_path_escape', why: string) => never;

function parseSegment(segment: string, fail: Fail): TemplatePart[] {
  if (segment === '.' || segment === '..') fail('output_path_escape', `contains a "${segment}" folder: outputs must stay inside the output folder.`);
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of segment.matchAll(TOKEN_PATTERN)) {
    pushLiteral(parts, segment.slice(last, match.index), fail);
    const name = match[1] ?? '';
    if (!isNamingToken(name)) fail('invalid_template', `uses an unknown token {${name}}; known tokens: ${NAMING_TOKENS.map((t) => `{${t}}`).join(' ')}.`);
    parts.push({ token: name as NamingToken });
    last = match.index + match[0].length;
  }
  pushLiteral(parts, segment.slice(last), fail);
  return parts;
}

function pushLiteral(parts: TemplatePart[], literal: string, fail: Fail): void {
  if (literal === '') return;
  if (literal.includes('{') || literal.includes('}')) fail('invalid_template', 'has an unmatched "{" or "}".');
  if (FORBIDDEN_LITERAL.test(literal)) fail('invalid_template', `contains a character not allowed in file names in "${literal}".`);
  parts.push({ literal });
}

function isNamingToken(name: string): name is NamingToken {
  return (NAMING_TOKENS as readonly string[]).includes(name);
}

/** True when the template uses the given token anywhere. */
export function templateUsesToken(template: ParsedTemplate, token: NamingToken): boolean {
  return template.some((parts) => parts.some((part) => 'token' in part && part.token === token));
}
