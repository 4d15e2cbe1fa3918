import type { Box, Dims } from '../../local/geometry';
import type { TargetSize } from '../../../domain/sizes/targetSize';
import { unionOf } from '../boxMath';
import type { SafeInsets } from '../safeZone';
import type { Subject } from '../subjects';
import { isMustKeep } from '../subjects';
import type { LayoutWindow } from './compositionPlan';

/** Window sizes tried between the cover crop and the whole source, besides the sizes subjects ask for. */
const SIZE_STEPS = 6;
/** Context around a group of subjects when sizing a window for it, as a share of the group's short side. */
const GROUP_MARGIN = 0.06;
/** ... and at least this share of the window's short side (a little more than the scorer's "tight" margin). */
const WINDOW_MARGIN = 0.03;

/**
 * Candidate windows for one target: sizes from the largest cover crop up to "the whole source fits", plus the
 * exact sizes that fit each group of subjects (what must stay whole; that and the objects; all of it) inside the
 * safe area; for each size, positions centred on the focus point, on each group and on the image, and flush with
 * each group's edges. The scorer picks among them: a few thousand with a handful of subjects, each scored in about a microsecond.
 */
export function candidateWindows(source: Dims, target: TargetSize, subjects: readonly Subject[], insets: SafeInsets): LayoutWindow[] {
  const aspect = target.width / target.height;
  const coverWidth = Math.min(source.width, source.height * aspect);
  const containWidth = Math.max(source.width, source.height * aspect);
  const safeX = Math.max(0.2, (target.width - insets.left - insets.right) / target.width);
  const safeY = Math.max(0.2, (target.height - insets.top - insets.bottom) / target.height);
  const groups = subjectGroups(subjects);
  const focus = subjects.find((subject) => subject.kind === 'focus')?.box;

  const widths = new Set<number>([coverWidth, containWidth]);
  for (let step = 1; step < SIZE_STEPS; step += 1) widths.add(coverWidth * (containWidth / coverWidth) ** (step / SIZE_STEPS));
  for (const group of groups) {
    const bare = Math.max(group.width / safeX, (group.height * aspect) / safeY);
    // The margin keeps the group off the crop's edge, in proportion to the group and to the window it gets.
    const margin = Math.max(GROUP_MARGIN * Math.min(group.width, group.height), WINDOW_MARGIN * Math.min(bare, bare / aspect));
    const needed = Math.max((group.width + 2 * margin) / safeX, ((group.height + 2 * margin) * aspect) / safeY);
    widths.add(Math.min(containWidth, Math.max(coverWidth, needed)));
  }

  const windows: LayoutWindow[] = [];
  for (const width of widths) {
    const height = width / aspect;
    const perPixel = width / target.width;
    const windowMargin = WINDOW_MARGIN * Math.min(width, height);
    const lefts = axisStarts(source.width, width, groups.map((g) => [g.left, g.width] as const), focus?.left, insets.left * perPixel, insets.right * perPixel, windowMargin);
    const tops = axisStarts(source.height, height, groups.map((g) => [g.top, g.height] as const), focus?.top, insets.top * perPixel, insets.bottom * perPixel, windowMargin);
    for (const left of lefts) for (const top of tops) windows.push({ left, top, width, height });
  }
  return windows;
}

/** Boxes worth centring or sizing on: what must stay whole, that plus objects, all of it, and the saliency box. */
function subjectGroups(subjects: readonly Subject[]): Box[] {
  const must = subjects.filter(isMustKeep).map((s) => s.box);
  const objects = subjects.filter((s) => s.kind === 'object').map((s) => s.box);
  const saliency = subjects.filter((s) => s.kind === 'saliency').map((s) => s.box);
  const groups = [unionOf(must), unionOf([...must, ...objects]), unionOf([...must, ...objects, ...saliency]), unionOf(saliency)];
  for (const box of [...must, ...objects]) groups.push(box);
  return groups.filter((box): box is Box => box !== null);
}

/**
 * Start positions along one axis for a window of `size` over a source of `total`: centred on the focus, on each
 * group, on the image, and with each group flush against the safe edges. A window smaller than the source stays
 * inside it; a larger one keeps the whole source inside it (fill only where the source cannot reach).
 */
function axisStarts(
  total: number,
  size: number,
  groups: ReadonlyArray<readonly [number, number]>,
  focus: number | undefined,
  insetBefore: number,
  insetAfter: number,
  windowMargin: number,
): number[] {
  const low = Math.min(0, total - size);
  const high = Math.max(0, total - size);
  const clamp = (start: number, before = 0, after = 0) => Math.round(Math.min(high + after, Math.max(low - before, start)) * 4) / 4;
  const starts = new Set<number>([clamp((total - size) / 2)]);
  if (focus !== undefined) starts.add(clamp(focus - size / 2));
  for (const [start, length] of groups) {
    const margin = Math.max(GROUP_MARGIN * length, windowMargin);
    starts.add(clamp(start + length / 2 - size / 2));
    // Flush with the safe edge, the window may reach past the picture by up to the inset: a subject at the picture's
    // edge then moves out of the band the platform's UI covers, and the fill lies under that UI.
    starts.add(clamp(start - margin - insetBefore, insetBefore));
    starts.add(clamp(start + length + margin + insetAfter - size, 0, insetAfter));
  }
  return [...starts];
}
