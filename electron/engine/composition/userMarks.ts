import type { Dims } from '../local/geometry';
import type { Subject } from './subjects';

/**
 * What the user said about a source: a focal point and boxes to keep whole, as shares (0..1) of the upright
 * source's width and height, so they hold for any decode size and travel with the content (per content hash).
 */
export interface UserMarks {
  readonly focus?: { readonly x: number; readonly y: number };
  readonly keep: ReadonlyArray<{ readonly left: number; readonly top: number; readonly width: number; readonly height: number }>;
}

/** The marks as subjects in the pixels of an image of `size`. */
export function marksAsSubjects(marks: UserMarks | undefined, size: Dims): Subject[] {
  if (!marks) return [];
  const subjects: Subject[] = marks.keep.map((box) => ({
    kind: 'keep',
    box: { left: box.left * size.width, top: box.top * size.height, width: box.width * size.width, height: box.height * size.height },
    score: 1,
  }));
  if (marks.focus) subjects.push({ kind: 'focus', box: { left: marks.focus.x * size.width, top: marks.focus.y * size.height, width: 1, height: 1 }, score: 1 });
  return subjects;
}
