import type { Box, Dims } from '../../local/geometry';
import { area, unionOf, visibleShare } from '../boxMath';
import type { SafeInsets } from '../safeZone';
import type { Subject } from '../subjects';
import { isMustKeep, isSureMustKeep, mustKeepWeight } from '../subjects';
import type { CompositionPlan, LayoutWindow } from './compositionPlan';

/**
 * Weights of the layout score (a cost: lower is better). A must-keep subject cut or pushed into the safe zone
 * costs more than most fills; an object cut costs more than a moderate fill when nothing must-keep is present
 * (then the objects are the subject), less when faces or text are there (a person's legs may go, their face not);
 * the saliency box is what stands out around them (the whole inset photo, the product with its props), so losing
 * part of it costs in proportion, less when faces, text or objects say where the subject is (and then only its part
 * outside them counts: inside, the cut is already scored as cutting those subjects). Fill costs a step
 * (a thin band of blur looks like a mistake, not a layout), then by its share of the canvas, and steeply past half
 * of it (a small picture in a sea of blur). Tuned on bench:local's measurement set (see the README).
 *
 * Fill is weighed against what it buys. Cutting a face, a keep box or a headline found beyond doubt costs from 5 (a
 * sliver) to 20 (all of it), against 12.6 for a canvas all fill, so those stay whole even in a banner's sea of blur;
 * what the detectors are unsure of (weak text: mustKeepWeight; an unsure object: objectCertainty) is cut rather
 * than padded for, once keeping it would cost a pad or a wider one. Weighed alike, the planner padded for a photo's own words (a test photo's "bottom", read at
 * 0.67) as for an ad's headline, and padded more plans, with more fill, than the crop-or-pad rule before issue 13.
 */
const SCORE_WEIGHTS = {
  mustKeepCut: 10,
  objectCutAlone: 4,
  objectCutBesideMustKeep: 3.5,
  /**
   * With nothing detected, the saliency box is the subject: losing any of it costs a step, then in proportion, more
   * than a pad past the fill knee costs (an object cut in a banner reads worse than a banner that pads).
   */
  saliencyLostAlone: 12,
  saliencyStepAlone: 4,
  /** Beside detections, per share lost of the saliency box's part outside them (see saliencyLostOutside). */
  saliencyLostBesideDetections: 6.5,
  saliencyLostBesideMarks: 0.6,
  /** A kept box flush against a cropped edge looks cut even when it is not. */
  tightToCrop: 0.56,
  padStep: 2.25,
  fill: 4.5,
  /** Each share of fill past FILL_KNEE costs this much more. */
  fillPastKnee: 11.7,
  fillImbalance: 0.3,
  focusOffCentre: 1.5,
  /** A crop that leaves the user's focal point out. */
  focusLost: 5,
} as const;

/** Past this share of fill the canvas reads as a padded thumbnail. */
const FILL_KNEE = 0.5;
/** Less fill than this is rounding at the canvas edge, not a pad. */
const NO_FILL = 0.005;

/** A box counts as whole when this share of it is shown inside the safe area: all of it, bar float rounding. */
const WHOLE_SHARE = 0.9999;

/** How a layout treats the subjects, and its cost. */
export interface LayoutScore {
  readonly cost: number;
  /** Must-keep subjects (faces, sure text, keep boxes) not shown whole inside the safe area. */
  readonly mustKeepCut: readonly Subject[];
  /** Objects not shown whole. */
  readonly objectsCut: readonly Subject[];
  /** Share of the saliency box shown (1 when there is none). */
  readonly saliencyShown: number;
}

/** Scores one candidate: its window over the source (for the safe area) and the pixel plan made from it. */
export function scoreLayout(source: Dims, plan: CompositionPlan, window: LayoutWindow, subjects: readonly Subject[], insets: SafeInsets): LayoutScore {
  return layoutScorer(source, subjects, insets)(plan, window);
}

/** What the score needs to know about one subject, worked out once per planning rather than once per candidate. */
interface ScoredSubject {
  readonly subject: Subject;
  readonly box: Box;
  readonly area: number;
  readonly mustKeep: boolean;
  readonly sure: boolean;
  /** The cost of cutting it before its shares: mustKeepCut x weight, or objectWeight x stands-out x certainty. */
  readonly cutWeight: number;
}

/**
 * scoreLayout for many candidates of one source: the parts of the score that depend only on the subjects (their
 * kinds, weights, the saliency box and the detections naming parts of it) are worked out once here, so a planning's
 * thousands of candidates each cost only their geometry. The same arithmetic in the same order as one call each.
 */
export function layoutScorer(source: Dims, subjects: readonly Subject[], insets: SafeInsets): (plan: CompositionPlan, window: LayoutWindow) => LayoutScore {
  const hasMustKeep = subjects.some(isMustKeep);
  const objectWeight = hasMustKeep ? SCORE_WEIGHTS.objectCutBesideMustKeep : SCORE_WEIGHTS.objectCutAlone;
  // Faint text (a texture's letter-like blobs) does not say where the subject is: the saliency box stays the subject.
  const detected = subjects.some((subject) => isSureMustKeep(subject) || subject.kind === 'object');
  // The user's keep boxes and focal point say what matters: then the saliency box is only a hint.
  const marked = subjects.some((subject) => subject.kind === 'keep' || subject.kind === 'focus');
  const saliencyWeight = marked ? SCORE_WEIGHTS.saliencyLostBesideMarks : detected ? SCORE_WEIGHTS.saliencyLostBesideDetections : SCORE_WEIGHTS.saliencyLostAlone;
  const saliencyBox = subjects.find((subject) => subject.kind === 'saliency')?.box;
  const detections = (detected || marked) && saliencyBox ? namedParts(subjects, saliencyBox) : null;
  const scored = subjects.map((subject): ScoredSubject => {
    const mustKeep = isMustKeep(subject);
    const cutWeight = mustKeep
      ? SCORE_WEIGHTS.mustKeepCut * mustKeepWeight(subject)
      : subject.kind === 'object'
        ? objectWeight * objectStandsOut(subject.box, hasMustKeep, saliencyBox) * objectCertainty(subject)
        : 0;
    return { subject, box: subject.box, area: area(subject.box), mustKeep, sure: isSureMustKeep(subject), cutWeight };
  });
  return (plan, window) => {
    const perPixel = window.width / plan.target.width;
    const shown = plan.region;
    const safe = clipTo(
      {
        left: window.left + insets.left * perPixel,
        top: window.top + insets.top * perPixel,
        width: window.width - (insets.left + insets.right) * perPixel,
        height: window.height - (insets.top + insets.bottom) * perPixel,
      },
      shown,
    );
    const margin = TIGHT_MARGIN * Math.min(window.width, window.height);
    const mustKeepCut: Subject[] = [];
    const objectsCut: Subject[] = [];
    let saliencyShown = 1;
    let cost = fillCost(plan);
    for (const { subject, box, area: boxArea, mustKeep, sure, cutWeight } of scored) {
      if (mustKeep) {
        const inSafe = shareInside(box, boxArea, safe);
        if (inSafe < WHOLE_SHARE) {
          if (sure) mustKeepCut.push(subject);
          cost += cutWeight * (0.5 + (1 - inSafe) + 0.5 * (1 - shareInside(box, boxArea, shown)));
        }
      } else if (subject.kind === 'object') {
        const inSafe = shareInside(box, boxArea, safe);
        if (inSafe < WHOLE_SHARE) {
          objectsCut.push(subject);
          cost += cutWeight * (0.5 + (1 - inSafe));
        }
      } else if (subject.kind === 'saliency') {
        const lost = 1 - shareInside(box, boxArea, shown);
        saliencyShown = Math.min(saliencyShown, 1 - lost);
        const lostOutside = detections ? saliencyLostOutside(box, shown, detections) : lost;
        cost += saliencyWeight * lostOutside + (!detected && lost > 0.002 ? SCORE_WEIGHTS.saliencyStepAlone : 0);
      }
      if (subject.kind !== 'focus' && (subject.kind !== 'saliency' || !detected)) {
        cost += SCORE_WEIGHTS.tightToCrop * (mustKeep ? 1.5 : 1) * tightness(box, shown, source, margin);
      }
      if (subject.kind === 'focus') {
        // How far the window's middle is from the nearest middle a window of its size could have around the
        // point (a crop can centre a point near the picture's edge only as far as the edge allows). Along an axis
        // the window pads, the picture is placed whole: nothing to gain or lose there.
        const offset = (start: number, size: number, point: number, total: number) =>
          size > total + 0.5 ? 0 : Math.abs(start + size / 2 - Math.min(total - size / 2, Math.max(size / 2, point))) / size;
        const dx = offset(window.left, window.width, box.left, source.width);
        const dy = offset(window.top, window.height, box.top, source.height);
        cost += SCORE_WEIGHTS.focusOffCentre * (dx + dy) + (shareInside(box, boxArea, shown) < 1 ? SCORE_WEIGHTS.focusLost : 0);
      }
    }
    return { cost, mustKeepCut, objectsCut, saliencyShown };
  };
}

/** visibleShare(box, frame) for a box whose area is known, without building the overlap box: the same quotient. */
function shareInside(box: Box, boxArea: number, frame: Box): number {
  if (boxArea <= 0) return 1;
  const left = Math.max(box.left, frame.left);
  const top = Math.max(box.top, frame.top);
  const right = Math.min(box.left + box.width, frame.left + frame.width);
  const bottom = Math.min(box.top + box.height, frame.top + frame.height);
  return right > left && bottom > top ? ((right - left) * (bottom - top)) / boxArea : 0;
}

/**
 * The bounding box of the detections that name parts of the saliency box: must-keep subjects and objects no larger
 * than it. A box larger than the saliency box (an object model's whole-picture "person") names no part of it.
 */
function namedParts(subjects: readonly Subject[], saliency: Box): Box | null {
  const limit = area(saliency);
  return unionOf(subjects.filter((subject) => (isMustKeep(subject) || subject.kind === 'object') && area(subject.box) <= limit).map((subject) => subject.box));
}

/** Objects found with at least this confidence count as certain (see objectCertainty). */
const SURE_OBJECT_SCORE = 0.5;

/**
 * 0..1: how sure the object model is, for the cost of cutting the object. On the measurement set every object it
 * found at 0.5 or more was a real person (70 of 71) and fewer than half below (19 of 45), so from 0.5 an object
 * counts fully and below in proportion: a sure person is not cut to save a pad that an unsure box would not earn.
 */
function objectCertainty(subject: Subject): number {
  return Math.min(1, subject.score / SURE_OBJECT_SCORE);
}

/** Beside faces or text, the share of an object's cut cost that stays when it lies wholly outside the saliency box. */
const OBJECT_OUTSIDE_SALIENCY = 0.2;

/**
 * 0.2..1: how much an object's cut counts. Beside faces or text (which say where the subject is), an object the
 * saliency map does not mark as standing out is most likely the scene around it (a chair, a parked motorcycle):
 * cutting it costs in proportion to its share inside the saliency box. Alone, objects are the subject: all count.
 */
function objectStandsOut(box: Box, besideMustKeep: boolean, saliency: Box | undefined): number {
  if (!besideMustKeep || !saliency) return 1;
  return OBJECT_OUTSIDE_SALIENCY + (1 - OBJECT_OUTSIDE_SALIENCY) * visibleShare(box, saliency);
}

/**
 * 0..1: the share of the saliency box's part outside the detections' bounding box that the layout does not show.
 * That part is what the detectors did not name: the rest of an inset photo around the person in it, a product's
 * props. Losing pixels inside the detections is scored as cutting them; counted here too, a crop through a person
 * would cost twice and a crop through the rest of the inset little, so the crop would keep the person's box and cut
 * the photo it stands in. When the detections cover the whole saliency box, it adds nothing.
 */
function saliencyLostOutside(saliency: Box, shown: Box, detections: Box): number {
  const outsideArea = area(saliency) - area(clipTo(saliency, detections));
  if (outsideArea <= 1) return 0;
  const lostAll = area(saliency) - area(clipTo(saliency, shown));
  const inside = clipTo(saliency, detections);
  const lostInside = area(inside) - area(clipTo(inside, shown));
  return Math.min(1, Math.max(0, (lostAll - lostInside) / outsideArea));
}

/** Closer than this (share of the window's short side) to a cropped edge, a box counts as tight against it. */
const TIGHT_MARGIN = 0.025;

/**
 * 0..1: how close the box comes to an edge where the crop cuts the picture (not where the source itself ends:
 * nothing can be done there), 1 when it touches it. Boxes already cut are scored as cut, not here.
 */
function tightness(box: Box, shown: Box, source: Dims, margin: number): number {
  if (margin <= 0) return 0;
  let worst = 0;
  if (shown.left > 0) worst = Math.max(worst, closeness(box.left - shown.left, margin));
  if (shown.top > 0) worst = Math.max(worst, closeness(box.top - shown.top, margin));
  if (shown.left + shown.width < source.width) worst = Math.max(worst, closeness(shown.left + shown.width - (box.left + box.width), margin));
  if (shown.top + shown.height < source.height) worst = Math.max(worst, closeness(shown.top + shown.height - (box.top + box.height), margin));
  return worst;
}

/** 1 for a gap of 0 down to 0 at the margin; 0 for a box past the edge (cut: scored as such) or farther off. */
function closeness(gap: number, margin: number): number {
  return gap >= 0 && gap < margin ? 1 - gap / margin : 0;
}

/** The fill's part of the cost: a step for any, its share, more past the knee, and its lopsidedness. */
function fillCost(plan: CompositionPlan): number {
  if (plan.fillShare < NO_FILL) return 0;
  const pastKnee = Math.max(0, plan.fillShare - FILL_KNEE);
  return SCORE_WEIGHTS.padStep + SCORE_WEIGHTS.fill * plan.fillShare + SCORE_WEIGHTS.fillPastKnee * pastKnee + SCORE_WEIGHTS.fillImbalance * imbalance(plan);
}

/** How lopsided the fill is (0 centred, 1 all on one side), as a share of the canvas side. */
function imbalance(plan: CompositionPlan): number {
  const { placement, target } = plan;
  const horizontal = Math.abs(placement.left - (target.width - placement.left - placement.width)) / target.width;
  const vertical = Math.abs(placement.top - (target.height - placement.top - placement.height)) / target.height;
  return horizontal + vertical;
}

function clipTo(box: Box, frame: Box): Box {
  const left = Math.max(box.left, frame.left);
  const top = Math.max(box.top, frame.top);
  const right = Math.min(box.left + box.width, frame.left + frame.width);
  const bottom = Math.min(box.top + box.height, frame.top + frame.height);
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}
