import { describe, expect, it } from 'vitest';
import { planComposition, routeAutoSize } from '../../../electron/engine/composition/planner';
import type { Subject } from '../../../electron/engine/composition/subjects';
import type { Box } from '../../../electron/engine/local/geometry';
import { planFromWindow } from '../../../electron/engine/composition/planner/compositionPlan';
import { scoreLayout } from '../../../electron/engine/composition/planner/layoutScore';
import { NO_INSETS } from '../../../electron/engine/composition/safeZone';

const source = { width: 6000, height: 4000 };
const subject = (kind: Subject['kind'], box: Box, score = 1): Subject => ({ kind, box, score });

/** Where a source box lands on the canvas under a plan (region scaled into placement). */
function onCanvas(box: Box, plan: ReturnType<typeof planComposition>['plan']): Box {
  const scale = plan.placement.width / plan.region.width;
  return {
    left: plan.placement.left + (box.left - plan.region.left) * scale,
    top: plan.placement.top + (box.top - plan.region.top) * scale,
    width: box.width * scale,
    height: box.height * scale,
  };
}

function inside(box: Box, frame: Box): boolean {
  return box.left >= frame.left - 0.5 && box.top >= frame.top - 0.5 && box.left + box.width <= frame.left + frame.width + 0.5 && box.top + box.height <= frame.top + frame.height + 0.5;
}

describe('planComposition', () => {
  it('centre-crops an image with nothing found', () => {
    const { plan } = planComposition({ source, subjects: [] }, { width: 1080, height: 1080 });
    expect(plan).toMatchObject({ method: 'crop', region: { left: 1000, top: 0, width: 4000, height: 4000 }, fillShare: 0 });
  });

  it('crops around a face near the edge instead of padding', () => {
    const face = { left: 5300, top: 600, width: 500, height: 600 };
    const { plan, score } = planComposition({ source, subjects: [subject('face', face)] }, { width: 1080, height: 1920 });
    expect(plan.method).toBe('crop');
    expect(inside(face, plan.region)).toBe(true);
    expect(score.mustKeepCut).toEqual([]);
  });

  it('keeps a face whole over a loose saliency box that no crop could hold (no pad just for the loose box)', () => {
    const face = { left: 2800, top: 1500, width: 400, height: 500 };
    const saliency = { left: 500, top: 300, width: 5000, height: 3500 };
    const { plan } = planComposition({ source, subjects: [subject('face', face), subject('saliency', saliency)] }, { width: 1200, height: 628 });
    expect(plan.method).toBe('crop');
    expect(inside(face, plan.region)).toBe(true);
  });

  it('keeps the photo a person stands in whole with a small pad, rather than cropping its sides', () => {
    // The saliency box is the inset photo; the person fills most of it. Only the photo's strips beside the person
    // are what the detectors did not name, and a square crop would cut exactly those.
    const photo = { left: 800, top: 500, width: 4400, height: 3000 };
    const person = { left: 1100, top: 600, width: 3800, height: 2900 };
    const face = { left: 2600, top: 900, width: 600, height: 600 };
    const subjects = [subject('saliency', photo), subject('object', person, 0.6), subject('face', face, 0.9)];
    const { plan } = planComposition({ source, subjects }, { width: 1080, height: 1080 });
    expect(inside(photo, plan.region)).toBe(true);
    expect(plan.method).toBe('crop_pad');
    expect(plan.fillShare).toBeLessThan(0.15);
  });

  it('does not let a whole-picture object box hide the inset photo inside it (a banner shows the photo, not a strip)', () => {
    // The object model's loose "person" covers the picture; it names no part of the saliency box.
    const photo = { left: 800, top: 800, width: 2400, height: 1900 };
    const subjects = [subject('saliency', photo), subject('object', { left: 300, top: 10, width: 5300, height: 3980 }, 0.52), subject('object', { left: 1100, top: 1400, width: 1200, height: 1000 }, 0.36)];
    const { plan } = planComposition({ source, subjects }, { width: 728, height: 90 });
    expect(plan.method).not.toBe('crop');
    const shownHeight = Math.min(plan.region.top + plan.region.height, photo.top + photo.height) - Math.max(plan.region.top, photo.top);
    expect(shownHeight / photo.height).toBeGreaterThan(0.85);
  });

  it('treats faint text as no detection: the saliency box stays the subject and is kept whole', () => {
    const photo = { left: 320, top: 640, width: 4950, height: 2130 };
    const subjects = [subject('saliency', photo), subject('text', { left: 2660, top: 600, width: 480, height: 210 }, 0.33), subject('text', { left: 390, top: 1500, width: 400, height: 260 }, 0.17)];
    for (const target of [{ width: 1080, height: 1080 }, { width: 1080, height: 1920 }]) {
      const { plan } = planComposition({ source, subjects }, target);
      expect(inside(photo, plan.region)).toBe(true);
    }
  });

  it('beside a face, cutting an object outside the saliency box costs less than cutting one inside it', () => {
    const face = subject('face', { left: 2500, top: 1000, width: 450, height: 450 }, 0.9);
    const person = subject('object', { left: 2000, top: 900, width: 1500, height: 2400 }, 0.6);
    const bag = subject('object', { left: 300, top: 3000, width: 600, height: 900 }, 0.5);
    const chair = subject('object', { left: 1000, top: 3000, width: 400, height: 500 }, 0.5);
    const target = { width: 1080, height: 1080 };
    // A square crop that starts right of the chair: it cuts the chair (and the bag) in both cases below.
    const window = { left: 1500, top: 0, width: 4000, height: 4000 };
    const plan = planFromWindow(source, target, window);
    const chairCost = (saliency: Box) => {
      const others = [subject('saliency', saliency), face, person, bag];
      return scoreLayout(source, plan, window, [...others, chair], NO_INSETS).cost - scoreLayout(source, plan, window, others, NO_INSETS).cost;
    };
    const outside = chairCost({ left: 1800, top: 800, width: 1900, height: 2600 });
    const inside = chairCost({ left: 900, top: 800, width: 2800, height: 3100 });
    expect(outside).toBeGreaterThan(0);
    expect(outside).toBeLessThan(inside / 2);
  });

  it("crops through a photo's own weakly read words rather than pad for them, and pads for a sure headline there", () => {
    // A portrait photo with a person, a headline over them and a word printed low in the photo itself (a sign, a
    // test photo's "bottom"), read at 0.67. A square crop keeps the person and the headline but not that word.
    const portrait = { width: 4000, height: 6000 };
    const person = [
      subject('saliency', { left: 600, top: 1200, width: 3000, height: 3900 }),
      subject('face', { left: 1900, top: 2200, width: 700, height: 700 }, 0.9),
      subject('object', { left: 1300, top: 2000, width: 2000, height: 3000 }, 0.7),
      subject('text', { left: 900, top: 1300, width: 2400, height: 400 }),
    ];
    const lowWord = { left: 1400, top: 5600, width: 1200, height: 300 };
    const square = { width: 1080, height: 1080 };
    const weak = planComposition({ source: portrait, subjects: [...person, subject('text', lowWord, 0.67)] }, square);
    expect(weak.plan.method).toBe('crop');
    for (const kept of person.slice(1)) expect(inside(kept.box, weak.plan.region)).toBe(true);
    expect(inside(lowWord, weak.plan.region)).toBe(false);
    const sure = planComposition({ source: portrait, subjects: [...person, subject('text', lowWord)] }, square);
    expect(sure.plan.method).not.toBe('crop');
    expect(inside(lowWord, sure.plan.region)).toBe(true);
  });

  it('pads only as much as a wide headline needs in a tall banner, and keeps it whole', () => {
    const text = { left: 600, top: 300, width: 4800, height: 500 };
    const { plan, score } = planComposition({ source, subjects: [subject('text', text)] }, { width: 160, height: 600 });
    expect(plan.method).not.toBe('crop');
    expect(score.mustKeepCut).toEqual([]);
    expect(inside(text, plan.region)).toBe(true);
    // The whole-source pad would leave 1 - (160*107)/(160*600) = 82% fill; the text needs only the width it spans.
    expect(plan.fillShare).toBeLessThan(0.8);
  });

  it('keeps text out of a story\'s safe-zone insets', () => {
    const text = { left: 2400, top: 150, width: 1200, height: 300 };
    const insets = { top: 250, right: 60, bottom: 340, left: 60 };
    const { plan, score } = planComposition({ source, subjects: [subject('text', text)], insetsFor: () => insets }, { width: 1080, height: 1920 });
    expect(score.mustKeepCut).toEqual([]);
    const landed = onCanvas(text, plan);
    expect(inside(landed, { left: 60, top: 250, width: 1080 - 120, height: 1920 - 590 })).toBe(true);
  });

  it('centres on the focal point when the user set one', () => {
    const focus = subject('focus', { left: 900, top: 2000, width: 1, height: 1 });
    const { plan } = planComposition({ source, subjects: [focus] }, { width: 1080, height: 1080 });
    expect(plan.region.left).toBe(0);
  });

  it('routes auto sizes by the same score, with the reason', () => {
    const face = subject('face', { left: 2800, top: 1500, width: 400, height: 500 });
    const wideText = subject('text', { left: 300, top: 3000, width: 5400, height: 700 });
    const square = routeAutoSize(planComposition({ source, subjects: [face] }, { width: 1080, height: 1080 }), [face]);
    expect(square).toMatchObject({ provider: 'local' });
    expect(square.reason).toContain('1080x1080: local, a crop keeps 1 face whole');
    const tall = routeAutoSize(planComposition({ source, subjects: [face, wideText] }, { width: 160, height: 600 }), [face, wideText]);
    expect(tall.provider).toBe('fal');
    expect(tall.reason).toMatch(/^160x600: fal, keeping the subject whole locally needs \d+% fill/);
  });
});
