import ExifReader from 'exifreader';

/** Who owns an image and on what terms: what is copied from a source to each of its outputs. */
export interface RightsMetadata {
  /** EXIF Artist, or XMP/IPTC creator (by-line). */
  readonly creator?: string;
  /** EXIF Copyright, or XMP dc:rights / IPTC copyright notice. */
  readonly copyright?: string;
  /** XMP photoshop:Credit / IPTC credit line. */
  readonly credit?: string;
  /** XMP xmpRights:UsageTerms. */
  readonly usageTerms?: string;
}

type Tag = { description?: unknown; value?: unknown } | undefined;
type Group = Record<string, Tag> | undefined;

/**
 * Reads the rights fields of an image's EXIF, XMP and IPTC blocks (exifreader). Each field takes the first
 * non-empty of its sources; nothing else is read, so GPS, serial numbers and other personal data are never carried.
 * A file without metadata, or with unreadable metadata, gives {} (rights are best effort, never a failure).
 */
export function readRightsMetadata(bytes: Buffer): RightsMetadata {
  let tags: Record<string, Group>;
  try {
    tags = ExifReader.load(bytes, { expanded: true, includeUnknown: false }) as unknown as Record<string, Group>;
  } catch {
    return {};
  }
  const { exif, xmp, iptc } = tags;
  const fields: RightsMetadata = {
    creator: first(text(exif?.['Artist']), text(xmp?.['creator']), text(iptc?.['By-line'])),
    copyright: first(text(exif?.['Copyright']), text(xmp?.['rights']), text(iptc?.['Copyright Notice'])),
    credit: first(text(xmp?.['Credit']), text(iptc?.['Credit'])),
    usageTerms: first(text(xmp?.['UsageTerms'])),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as RightsMetadata;
}

function text(tag: Tag): string | undefined {
  const value = tag?.description;
  if (typeof value !== 'string') return undefined;
  // ASCII EXIF fields are NUL-padded by some cameras.
  const cleaned = value.replace(/\0+$/, '').trim();
  return cleaned === '' ? undefined : cleaned;
}

function first(...values: Array<string | undefined>): string | undefined {
  return values.find((value) => value !== undefined);
}
