import type { RawImage } from '../decode/types';
import type { Dims } from '../local/geometry';
import type { Detection, SubjectDetector } from './detection';
import { saliencySubjects } from './saliencySubject';
import { scaleSubjects } from './subjects';
import { marksAsSubjects, type UserMarks } from './userMarks';

/** How one source's subjects are found. */
export interface FindSubjectsOptions {
  /** The detector (worker + cache); without one only the saliency box is found, on this thread. */
  readonly detector?: SubjectDetector;
  readonly contentHash?: string;
  readonly marks?: UserMarks;
  /**
   * A detection already made on another decode of the same source (a thumbnail decoded beside the full image, see
   * local/decodeWithSubjects), in the pixels of an image of `size`: used instead of detecting again.
   */
  readonly found?: { readonly detection: Detection; readonly size: Dims };
}

/** Detected subjects plus the user's focal point and keep boxes, in the raw image's pixels. */
export async function findSubjects(raw: RawImage, options: FindSubjectsOptions): Promise<Detection> {
  const detection: Detection = options.found
    ? { ...options.found.detection, subjects: scaleSubjects(options.found.detection.subjects, options.found.size, raw) }
    : options.detector
      ? await options.detector.detect(raw, { contentHash: options.contentHash })
      : { subjects: await saliencySubjects(raw), notes: [], timings: {}, cached: false };
  return { ...detection, subjects: [...detection.subjects, ...marksAsSubjects(options.marks, raw)] };
}
