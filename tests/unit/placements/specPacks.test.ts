import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allPlacements, findPack, findPlacement, SPEC_PACKS, type PlacementSpec } from '../../../electron/domain/placements';

const FORMATS = new Set(['jpeg', 'png', 'webp', 'gif']);

/** Every way an entry can be malformed, as sentences; [] for a good entry. */
function entryProblems(spec: PlacementSpec): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(spec.id)) problems.push('id is not lower-case-with-dashes');
  if (!Number.isInteger(spec.width) || spec.width < 1 || !Number.isInteger(spec.height) || spec.height < 1) problems.push('size is not whole pixels');
  if (spec.aspectTolerance < 0 || spec.aspectTolerance > 0.05) problems.push('aspect tolerance outside 0..5%');
  if (spec.minSize) {
    if (spec.minSize.width > spec.width || spec.minSize.height > spec.height) problems.push('minimum size above the size');
    if (spec.aspectTolerance === 0) problems.push('a minimum size on a fixed slot (only resized placements have one)');
  }
  if (spec.maxKB !== null && !(spec.maxKB > 0)) problems.push('max KB not positive');
  if (spec.maxKB === null && !spec.unverified.some((text) => /weight/.test(text))) problems.push('no max KB and no word on why');
  if (spec.formats.length === 0 || spec.formats.some((format) => !FORMATS.has(format))) problems.push('formats empty or unknown');
  if (spec.colorSpace !== 'srgb') problems.push('colour space not sRGB');
  if (spec.safeZone) {
    const zone = spec.safeZone;
    const [across, down] = zone.unit === 'percent' ? [100, 100] : [spec.width, spec.height];
    if ([zone.top, zone.right, zone.bottom, zone.left].some((value) => value < 0)) problems.push('negative inset');
    if (zone.left + zone.right >= across || zone.top + zone.bottom >= down) problems.push('insets leave no safe area');
  }
  if (spec.sources.length === 0) problems.push('no source');
  for (const source of spec.sources) {
    if (!/^https:\/\/[^\s]+$/.test(source.url)) problems.push(`source ${source.url} is not an https URL`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(source.verified) || Number.isNaN(Date.parse(source.verified))) problems.push('verified date is not YYYY-MM-DD');
  }
  return problems;
}

describe('placement spec packs', () => {
  it.each(allPlacements().map((spec) => [spec.id, spec] as const))('%s is a well-formed entry with a source', (_id, spec) => {
    expect(entryProblems(spec)).toEqual([]);
  });

  it('the schema check itself catches a broken entry', () => {
    const good = findPlacement('iab-300x250') as PlacementSpec;
    expect(entryProblems({ ...good, sources: [] })).toContain('no source');
    expect(entryProblems({ ...good, maxKB: null, unverified: [] })).toContain('no max KB and no word on why');
    expect(entryProblems({ ...good, safeZone: { unit: 'percent', top: 60, bottom: 40, left: 0, right: 0 } })).toContain('insets leave no safe area');
    expect(entryProblems({ ...good, minSize: { width: 100, height: 100 } })).toContain('a minimum size on a fixed slot (only resized placements have one)');
    expect(entryProblems({ ...good, minSize: { width: 400, height: 100 }, aspectTolerance: 0.01 })).toContain('minimum size above the size');
  });

  it('ids are unique across packs, and packs have versions and ids', () => {
    const ids = allPlacements().map((spec) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const pack of SPEC_PACKS) {
      expect(pack.version).toBeGreaterThanOrEqual(1);
      expect(findPack(pack.id)).toBe(pack);
    }
  });

  it("keeps IAB's initial-load weights as the portfolio table gives them", () => {
    const weights = Object.fromEntries(findPack('iab')!.placements.map((spec) => [spec.id, spec.maxKB]));
    expect(weights).toMatchObject({
      'iab-300x250': 150, 'iab-728x90': 150, 'iab-160x600': 150, 'iab-970x250': 250, 'iab-300x1050': 250,
      'iab-970x90': 200, 'iab-320x50': 50, 'iab-300x50': 50, 'iab-640x1136': 300, 'iab-750x1334': 300, 'iab-1080x1920': 300,
    });
  });

  it('Reels reserve 14% top, 35% bottom and 6% each side', () => {
    expect(findPlacement('meta-reels')?.safeZone).toEqual({ unit: 'percent', top: 14, right: 6, bottom: 35, left: 6 });
  });

  it('the domain folder imports nothing outside itself', () => {
    const folder = join(import.meta.dirname, '../../../electron/domain/placements');
    for (const file of readdirSync(folder)) {
      const imports = [...readFileSync(join(folder, file), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      expect(imports.filter((path) => !path?.startsWith('./')), file).toEqual([]);
    }
  });
});
