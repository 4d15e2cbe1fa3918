import { describe, expect, it } from 'vitest';
import { boxContains } from '../../../electron/engine/local/geometry';
import { coverWindow, cropKeepsSubject, decodeScaleForTargets, planLayout } from '../../../electron/engine/local';

const landscape = { width: 6000, height: 4000 };

describe('coverWindow', () => {
  it('is the largest window of the target aspect inside the source', () => {
    expect(coverWindow(landscape, { width: 1080, height: 1080 })).toEqual({ width: 4000, height: 4000 });
    expect(coverWindow(landscape, { width: 1200, height: 628 })).toEqual({ width: 6000, height: 3140 });
    expect(coverWindow(landscape, { width: 1080, height: 1920 })).toEqual({ width: 2250, height: 4000 });
  });
});

describe('cropKeepsSubject', () => {
  const subject = { left: 2500, top: 250, width: 1000, height: 3500 };
  it('is true when a cover crop can hold the whole subject', () => {
    expect(cropKeepsSubject(landscape, subject, { width: 1080, height: 1080 })).toBe(true);
    expect(cropKeepsSubject(landscape, subject, { width: 1080, height: 1920 })).toBe(true);
  });
  it('is false when the subject is taller or wider than every cover crop', () => {
    expect(cropKeepsSubject(landscape, subject, { width: 1200, height: 628 })).toBe(false);
    expect(cropKeepsSubject(landscape, subject, { width: 728, height: 90 })).toBe(false);
    expect(cropKeepsSubject(landscape, { left: 100, top: 1000, width: 5000, height: 500 }, { width: 160, height: 600 })).toBe(false);
  });
  it('is true with no subject (flat or empty image)', () => {
    expect(cropKeepsSubject(landscape, null, { width: 320, height: 50 })).toBe(true);
  });
});

describe('planLayout', () => {
  it('crops centred on the subject, clamped inside the source', () => {
    const plan = planLayout(landscape, { left: 5200, top: 1800, width: 600, height: 400 }, { width: 1080, height: 1080 });
    expect(plan).toMatchObject({ method: 'crop', region: { left: 2000, top: 0, width: 4000, height: 4000 } });
    const centred = planLayout(landscape, { left: 2700, top: 1000, width: 600, height: 400 }, { width: 1080, height: 1920 });
    expect(centred.region.left).toBe(3000 - 1125);
  });

  it('crops around the centre when there is no subject', () => {
    expect(planLayout(landscape, null, { width: 1080, height: 1080 })).toMatchObject({ method: 'crop', region: { left: 1000, top: 0 } });
  });

  it('pads when no crop keeps the subject, showing the whole subject inside the exact target', () => {
    const subject = { left: 2500, top: 250, width: 1000, height: 3500 };
    for (const target of [{ width: 1200, height: 628 }, { width: 728, height: 90 }, { width: 970, height: 250 }]) {
      const plan = planLayout(landscape, subject, target);
      if (plan.method !== 'pad') throw new Error(`expected a pad for ${target.width}x${target.height}`);
      expect(boxContains(plan.region, subject)).toBe(true);
      expect(boxContains({ left: 0, top: 0, ...landscape }, plan.region)).toBe(true);
      expect(boxContains({ left: 0, top: 0, ...target }, plan.placement)).toBe(true);
      expect(boxContains({ left: 0, top: 0, ...target }, plan.subjectInTarget)).toBe(true);
      // The region keeps the source's full width (the axis being padded) and the placement fills the height.
      expect(plan.region.width).toBe(landscape.width);
      expect(plan.placement.height).toBe(target.height);
      expect(plan.placement.width).toBeLessThan(target.width);
    }
  });

  it('keeps every crop inside the source and containing the subject, for many subjects and sizes', () => {
    const targets = [[1080, 1080], [1080, 1920], [1200, 628], [300, 250], [160, 600], [320, 50]];
    for (let left = 0; left < 6000; left += 700) {
      for (const [width, height] of targets) {
        const subject = { left, top: 1500, width: 300, height: 280 };
        const plan = planLayout(landscape, subject, { width: width!, height: height! });
        expect(boxContains({ left: 0, top: 0, ...landscape }, plan.region)).toBe(true);
        expect(boxContains(plan.region, { ...subject, width: Math.min(subject.width, 6000 - left) })).toBe(true);
      }
    }
  });
});

describe('decodeScaleForTargets', () => {
  it('is the largest cover scale among the targets, at most 1', () => {
    expect(decodeScaleForTargets(landscape, [{ width: 1080, height: 1080 }, { width: 1080, height: 1920 }])).toBeCloseTo(0.48);
    expect(decodeScaleForTargets({ width: 800, height: 600 }, [{ width: 1080, height: 1080 }])).toBe(1);
  });
});
