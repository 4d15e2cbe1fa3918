import { safeArea, type KeepBox, type PixelBox, type PreflightCheck } from '../../domain/placements';
import type { PreflightInput } from './preflightInput';

/** A box may poke this far (fraction of its own side) into the reserved area: detector boxes have soft edges. */
const EDGE_SLACK = 0.05;

/**
 * The boxes that must stay visible (faces, text, objects, the subject) stay out of the placement's reserved insets.
 * Faces and text in the insets fail (platform buttons would cover them); a subject box is coarse, so it warns.
 * Takes any list of boxes: today the engine's subject box, later the composition step's faces and text.
 */
export function checkSafeZone({ placement, image, boxes }: PreflightInput): PreflightCheck {
  if (!placement?.safeZone) return { id: 'safe_zone', status: 'pass', message: 'This placement reserves no area.' };
  const area = safeArea(placement, image.width, image.height);
  const known = boxes ?? [];
  if (known.length === 0) return { id: 'safe_zone', status: 'pass', message: 'No subject, face or text was found to keep clear.' };
  const crossing = known.filter((box) => !insideWithSlack(box, area));
  if (crossing.length === 0) return { id: 'safe_zone', status: 'pass', message: `${describeKinds(known)} inside the safe area.` };
  const strict = crossing.filter((box) => box.kind !== 'subject');
  const sides = [...new Set(crossing.flatMap((box) => sidesCrossed(box, area)))];
  const where = listInWords(sides.map((side) => describeSide(side, placement.safeZone!)));
  return {
    id: 'safe_zone',
    status: strict.length > 0 ? 'fail' : 'warn',
    message: `${describeKinds(crossing)} reach${crossing.length === 1 && crossing[0]?.kind !== 'text' ? 'es' : ''} into ${where}, where ${placement.platform} puts its buttons and captions.`,
  };
}

type Side = 'top' | 'right' | 'bottom' | 'left';

function sidesCrossed(box: KeepBox, area: PixelBox): Side[] {
  const slackX = box.width * EDGE_SLACK;
  const slackY = box.height * EDGE_SLACK;
  const sides: Side[] = [];
  if (box.top + slackY < area.top) sides.push('top');
  if (box.top + box.height - slackY > area.top + area.height) sides.push('bottom');
  if (box.left + slackX < area.left) sides.push('left');
  if (box.left + box.width - slackX > area.left + area.width) sides.push('right');
  return sides;
}

function insideWithSlack(box: KeepBox, area: PixelBox): boolean {
  return sidesCrossed(box, area).length === 0;
}

function describeSide(side: Side, zone: NonNullable<PreflightInput['placement']>['safeZone'] & object): string {
  const amount = zone[side];
  return `the ${side} ${amount}${zone.unit === 'percent' ? '%' : ' px'}`;
}

/** "a", "a and b", "a, b and c". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function describeKinds(boxes: readonly KeepBox[]): string {
  const names: Record<KeepBox['kind'], [string, string]> = { subject: ['The subject', 'subjects'], face: ['A face', 'faces'], text: ['Text', 'text areas'], object: ['An object', 'objects'] };
  if (boxes.length === 1) return names[boxes[0]!.kind][0];
  const kinds = [...new Set(boxes.map((box) => box.kind))];
  return kinds.length === 1 ? `${boxes.length} ${names[kinds[0]!][1]}` : `${boxes.length} kept areas`;
}
