import { SmartResizeError } from '../../domain/errors';

// Elements whose href only navigates when clicked; every other href, src or url() loads something.
const NAVIGATION_ELEMENTS = new Set(['a']);
const TAG = /<([A-Za-z][\w:.-]*)\b([^>]*)>/g;
const LINK_ATTRIBUTE = /(?:^|\s)(?:[\w.-]+:)?(?:href|src)\s*=\s*(["'])(.*?)\1/gis;
const CSS_URL = /url\(\s*(["']?)(.*?)\1\s*\)/gi;
const EXTERNAL_ENTITY = /<!ENTITY\s[^>]*\b(?:SYSTEM|PUBLIC)\b/i;
const XINCLUDE = /<[\w.-]+:include\b|XInclude/i;

/** A reference that stays inside the file: a fragment (`#id`) or inline data. */
function isInlineReference(value: string): boolean {
  const trimmed = value.trim().toLowerCase();
  return trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('data:');
}

/** The first thing in an SVG's text that would load another file or a URL, or null when it is self-contained. */
export function findExternalReference(text: string): string | null {
  if (EXTERNAL_ENTITY.test(text)) return 'an external XML entity';
  if (XINCLUDE.test(text)) return 'an XInclude';
  if (/@import\b/i.test(text)) return 'a CSS @import';
  for (const [, name, attributes] of text.matchAll(TAG)) {
    if (NAVIGATION_ELEMENTS.has(name!.toLowerCase())) continue;
    for (const [, , value] of attributes!.matchAll(LINK_ATTRIBUTE)) {
      if (!isInlineReference(value!)) return `"${value!.trim().slice(0, 80)}"`;
    }
  }
  for (const [, , value] of text.matchAll(CSS_URL)) {
    if (!isInlineReference(value!)) return `"${value!.trim().slice(0, 80)}"`;
  }
  return null;
}

/** True when a file's first bytes look like XML markup (SVG, or something posing as it). */
export function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 256)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<');
}

/**
 * Refuses an SVG that refers to other files or URLs (images, `<use>`, CSS, external entities, XInclude). The
 * decoder is given bytes without a base path and would not load them anyway, so the output would silently lack
 * those parts; refusing says why, and does not depend on the decoder's own policy staying that strict.
 */
export function assertSelfContainedSvg(fileName: string, bytes: Uint8Array): void {
  const reference = findExternalReference(Buffer.from(bytes).toString('utf8'));
  if (reference === null) return;
  throw new SmartResizeError(
    'svg_external_reference',
    `"${fileName}" refers to ${reference} outside the file. Smart Resize never loads other files or URLs from an SVG: embed the image (a data: URL) or export it as PNG.`,
  );
}
