/**
 * Field paths ("draft.sizes.0.width") turned into the words a person reads ("Size 1"). Forms and programs keep the
 * dotted paths; every message shown to a person (the UI's errors, the CLI's output) goes through here instead.
 */

/** Wrappers around the fields that say nothing to a person: the verb's input object, an export file's envelope. */
const CONTAINERS = new Set(['draft', 'patch', 'input', 'profile']);

/** Names of fields whose words are not just their key split into words. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  name: 'Name',
  'output.format': 'Output format',
  'output.quality': 'Quality',
  'naming.template': 'File name template',
  'naming.collision': 'When a file already exists',
  'fal.prompt': 'fal prompt',
  'fal.numImagesPerSize': 'Images per size',
  'fal.resolution': 'fal resolution',
  'fal.safetyTolerance': 'Safety tolerance',
  'fal.seed': 'Seed',
  'fal.variants.keep': 'Variants not chosen',
  'fal.variants.naming': 'Variants',
  concurrency: 'Jobs at a time',
  defaultProvider: 'Default provider',
  namingTemplate: 'File name template',
  collisionPolicy: 'When a file already exists',
  falProxyUrl: 'fal proxy URL',
  pixelLimit: 'Largest image (pixels)',
  falDeadlineSeconds: 'fal request deadline',
  settleMs: 'Settle time',
  dailyCapCents: 'Daily budget',
  monthlyCapCents: 'Monthly budget',
  burstFiles: 'Burst size',
  burstWindowMinutes: 'Burst window',
};

/** Lists whose items are numbered for people ("Size 2"), by the list's key. */
const LIST_ITEMS: Readonly<Record<string, string>> = { sizes: 'Size', folders: 'Folder', folderCaps: 'Folder budget', paths: 'Path' };

function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The words for a field path, e.g. `['draft', 'sizes', 0, 'width']` -> "Size 1 width", `'concurrency'` -> "Jobs at
 * a time". A leaf the message already names is left out by {@link fieldSentence}; "" for the input as a whole.
 */
export function fieldLabel(path: string | ReadonlyArray<string | number>, omitLeaf?: string): string {
  const parts = (typeof path === 'string' ? path.split('.').filter(Boolean) : path.map(String)).slice();
  while (parts.length > 0 && CONTAINERS.has(parts[0]!)) parts.shift();
  const known = FIELD_WORDS[parts.join('.')];
  if (known) return known;
  const out: string[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    const next = parts[index + 1];
    if (LIST_ITEMS[part] && next !== undefined && /^\d+$/.test(next)) {
      out.push(`${LIST_ITEMS[part]} ${Number(next) + 1}`);
      index += 1;
    } else if (/^\d+$/.test(part)) out.push(`item ${Number(part) + 1}`);
    else if (!(index === parts.length - 1 && omitLeaf !== undefined && part.toLowerCase() === omitLeaf)) out.push(words(part));
  }
  return capitalise(out.join(' '));
}

/**
 * One sentence for one problem with one field: "Size 1: the width must be at least 1 pixel." The field's own name
 * is dropped from the label when the message already says it.
 */
export function fieldSentence(issue: { readonly path: string | ReadonlyArray<string | number>; readonly message: string }): string {
  const message = issue.message.trim().replace(/([^.!?])$/, '$1.');
  const parts = typeof issue.path === 'string' ? issue.path.split('.') : issue.path.map(String);
  const leaf = parts.at(-1)?.toLowerCase();
  const named = leaf !== undefined && new RegExp(`\\b${leaf}\\b`, 'i').test(message) ? leaf : undefined;
  const label = fieldLabel(issue.path, named);
  if (!label) return capitalise(message);
  // "The width …" reads on after a colon as "the width …"; "JPEG …" or "fal …" stay as they are.
  const rest = /^[A-Z][a-z]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message;
  return `${label}: ${rest}`;
}

/** Several problems as sentences, the first few in full: "Size 1: …. Name: …. (and 3 more)". */
export function fieldSentences(issues: ReadonlyArray<{ readonly path: string | ReadonlyArray<string | number>; readonly message: string }>, shown = 5): string {
  const text = issues.slice(0, shown).map(fieldSentence).join(' ');
  return issues.length > shown ? `${text} (and ${issues.length - shown} more)` : text;
}
