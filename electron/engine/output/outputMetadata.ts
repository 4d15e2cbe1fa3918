import type { Sharp } from 'sharp';
import type { MetadataStep } from './encoderSettings';
import type { RightsMetadata } from './rightsMetadata';
import { xmpPacket } from './xmpPacket';

/** IPTC digital source type for an image an AI model recomposed from a real photo (fal's smart-resize). */
export const AI_COMPOSITED_SOURCE_TYPE = 'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia';

/** What an output carries besides pixels. */
export interface OutputMetadataOptions {
  /** The source's rights; copied unless `copyRights` is false. */
  readonly rights: RightsMetadata;
  /** The profile setting: false writes no rights fields (the sRGB profile and the AI mark are still written). */
  readonly copyRights: boolean;
  /** True for fal outputs: marks them as AI-composited in IPTC's vocabulary. */
  readonly aiComposited: boolean;
}

/**
 * The metadata step for every encode of one output: the pixels are tagged sRGB with an embedded ICC profile; the
 * rights go to EXIF (Artist, Copyright) and XMP (IPTC Core creator, rights, credit, usage terms). sharp writes
 * nothing it is not given, so the source's GPS position, camera serials and other EXIF never reach an output.
 */
export function outputMetadataStep(options: OutputMetadataOptions): MetadataStep {
  const rights = options.copyRights ? options.rights : {};
  const ifd0: Record<string, string> = {};
  if (rights.creator) ifd0['Artist'] = rights.creator;
  if (rights.copyright) ifd0['Copyright'] = rights.copyright;
  const xmp = xmpPacket(rights, options.aiComposited ? AI_COMPOSITED_SOURCE_TYPE : undefined);
  return (pipeline: Sharp) => {
    let next = pipeline.withIccProfile('srgb');
    if (Object.keys(ifd0).length > 0) next = next.withExif({ IFD0: ifd0 });
    if (xmp) next = next.withXmp(xmp);
    return next;
  };
}
