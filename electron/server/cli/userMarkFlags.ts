import type { UserMarks } from '../../engine/composition';
import { SmartResizeError } from '../../domain/errors';

/** Parses `--focus X,Y` and `--keep L,T,W,H` (repeatable), all as shares 0..1 of the source's width and height. */
export function parseUserMarkFlags(focus: string | undefined, keep: readonly string[]): UserMarks | undefined {
  if (focus === undefined && keep.length === 0) return undefined;
  const marks: { focus?: { x: number; y: number }; keep: UserMarks['keep'][number][] } = { keep: [] };
  if (focus !== undefined) {
    const [x, y] = fractions('--focus', focus, 2, 'X,Y, for example 0.3,0.4');
    marks.focus = { x: x!, y: y! };
  }
  for (const text of keep) {
    const [left, top, width, height] = fractions('--keep', text, 4, 'LEFT,TOP,WIDTH,HEIGHT, for example 0.1,0.2,0.3,0.25');
    if (width! <= 0 || height! <= 0 || left! + width! > 1.0001 || top! + height! > 1.0001) {
      throw new SmartResizeError('invalid_size', `--keep ${text}: the box must have a size and lie inside the image (left + width and top + height at most 1).`);
    }
    marks.keep.push({ left: left!, top: top!, width: width!, height: height! });
  }
  return marks;
}

function fractions(flag: string, text: string, count: number, form: string): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.length !== count || values.some((value) => !Number.isFinite(value) || value < 0 || value > 1)) {
    throw new SmartResizeError('invalid_size', `${flag} "${text}": write ${form} (shares of the image from 0 to 1).`);
  }
  return values;
}
