import { GOOGLE_DISPLAY_PACK, GOOGLE_RESPONSIVE_PACK } from './googlePacks';
import { IAB_PACK } from './iabPack';
import { META_PACK } from './metaPack';
import type { PlacementSpec, SpecPack } from './placementSpec';
import { DOOH_PACK, LINKEDIN_PACK, PINTEREST_PACK, X_PACK, YOUTUBE_PACK } from './socialPacks';

export * from './placementSpec';
export * from './safeZone';
export * from './preflightTypes';

/** Every pack this build ships, in the order `specs` lists them. */
export const SPEC_PACKS: readonly SpecPack[] = [
  IAB_PACK,
  GOOGLE_DISPLAY_PACK,
  GOOGLE_RESPONSIVE_PACK,
  META_PACK,
  YOUTUBE_PACK,
  LINKEDIN_PACK,
  X_PACK,
  PINTEREST_PACK,
  DOOH_PACK,
];

const BY_ID = new Map(SPEC_PACKS.flatMap((pack) => pack.placements.map((placement) => [placement.id, placement] as const)));

/** The placement with this id, or undefined. Ids are lower-case; the lookup ignores case. */
export function findPlacement(id: string): PlacementSpec | undefined {
  return BY_ID.get(id.trim().toLowerCase());
}

/** The pack with this id, or undefined. */
export function findPack(id: string): SpecPack | undefined {
  return SPEC_PACKS.find((pack) => pack.id === id.trim().toLowerCase());
}

/** Every placement of every pack. */
export function allPlacements(): PlacementSpec[] {
  return SPEC_PACKS.flatMap((pack) => [...pack.placements]);
}
