import type { Box } from '../local/geometry';

/**
 * What a found (or user-given) subject is. `face`, `text` and `keep` (a box the user drew) must stay whole;
 * `object` (people, animals, products found by the object model) should; `saliency` is the loose box around
 * whatever stands out, and `focus` a point (a 1x1 box) the user clicked, which the crop centres on.
 */
export type SubjectKind = 'face' | 'text' | 'object' | 'saliency' | 'focus' | 'keep';

/** One thing in the picture, in the pixels of the image it was found in. */
export interface Subject {
  readonly kind: SubjectKind;
  readonly box: Box;
  /** The detector's confidence 0..1 (1 for user boxes and the saliency box). */
  readonly score: number;
  /** The object model's class name (`person`, `dog`...), when there is one. */
  readonly label?: string;
}

/** Kinds a layout must keep whole and inside the placement's safe area. */
const MUST_KEEP_KINDS: ReadonlySet<SubjectKind> = new Set(['face', 'text', 'keep']);

/** Text found with less confidence than this may be cut when keeping it costs more than it is likely worth. */
const SURE_TEXT_SCORE = 0.5;

/** Whether a layout must keep this subject whole (faces, text, the user's keep boxes). */
export function isMustKeep(subject: Subject): boolean {
  return MUST_KEEP_KINDS.has(subject.kind);
}

/**
 * How much cutting a must-keep subject weighs (0..1): faces and the user's boxes fully, text by the fifth power of
 * its confidence. An ad's own lines are found at 0.9 or more (58 of 67 such boxes on bench:local's measurement set
 * were real lines); below that what is found is mostly a texture's letter-like blobs or the photo's own words (3 of
 * 14 were lines of the ad), so a 1.0 headline weighs 1, 0.83 weighs 0.39, and a photo's "bottom" read at 0.67 weighs
 * 0.13: worth a crop's shift, not a pad.
 */
export function mustKeepWeight(subject: Subject): number {
  return subject.kind === 'text' ? subject.score ** 5 : 1;
}

/** Whether a cut of this must-keep subject counts as losing it (routes a size to fal; weak text does not). */
export function isSureMustKeep(subject: Subject): boolean {
  return isMustKeep(subject) && (subject.kind !== 'text' || subject.score >= SURE_TEXT_SCORE);
}

/** Subjects found in an image of `from` pixels, in an image of `to` pixels (another decode of the same source). */
export function scaleSubjects(subjects: readonly Subject[], from: { width: number; height: number }, to: { width: number; height: number }): Subject[] {
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  return subjects.map((subject) => ({
    ...subject,
    box: { left: subject.box.left * sx, top: subject.box.top * sy, width: subject.box.width * sx, height: subject.box.height * sy },
  }));
}
