/**
 * Making untrusted text (a source file's name, a profile name, a folder name) safe to use inside ONE path segment
 * on Windows, macOS and Linux, while keeping unicode and spaces as they are.
 */

// Separators and the characters Windows refuses in names; C0 controls and DEL are removed outright.
const RESERVED_CHARACTERS = /[<>:"/\\|?*]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;
const DOT_RUNS = /\.{2,}/g;
const LEADING_DOTS = /^\.+/;
// Windows reserves these device names with any extension (CON.png is still the console), in any case.
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const MAX_TOKEN_BYTES = 150;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A token value made safe for a path segment: no separators, no Windows-reserved or control characters, no
 * runs of dots (so never '..'), no leading dot (no '.', '..' or hidden outputs), and at most 150 UTF-8 bytes cut
 * at a character boundary, so a long name still leaves room for the rest of the segment under the 255-byte limit.
 */
export function sanitizeTokenValue(value: string): string {
  const cleaned = value
    .replace(CONTROL_CHARACTERS, '')
    .replace(RESERVED_CHARACTERS, '_')
    .replace(DOT_RUNS, '.')
    .replace(LEADING_DOTS, (dots) => '_'.repeat(dots.length));
  return truncateToBytes(cleaned, MAX_TOKEN_BYTES);
}

/**
 * Final touches on a whole rendered segment: Windows silently drops trailing dots and spaces (so "a." and "a"
 * would collide), and a device name such as "CON" or "nul.png" cannot be a file there, so it gets an underscore.
 */
export function finishSegment(segment: string): string {
  const trimmed = segment.replace(/[. ]+$/, '');
  const device = WINDOWS_DEVICE_NAME.exec(trimmed);
  return device ? `${device[1]}_${device[2] ?? ''}` : trimmed;
}

function truncateToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let result = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(text)) {
    bytes += Buffer.byteLength(segment);
    if (bytes > maxBytes) break;
    result += segment;
  }
  return result;
}
