import { SPECS_VERIFIED_ON, type PlacementSpec, type SpecPack, type SpecSource } from './placementSpec';

const META_STORIES_GUIDE: SpecSource = {
  url: 'https://file-hippo.netlify.app/host-https-www.facebook.com/business/ads-guide/update/image/facebook-story/outcome-awareness',
  verified: SPECS_VERIFIED_ON,
  note: "Mirror of Meta's Facebook Ads Guide (Stories image): JPG or PNG, 30 MB, min width 500 px, aspect tolerance 1%, keep 14% (250 px) top and 20% (340 px) bottom free",
};
const META_REELS_ZONES: SpecSource = {
  url: 'https://mediamaxnetwork.com/digital-specifications/social-ads/',
  verified: SPECS_VERIFIED_ON,
  note: 'A media seller restating Meta: Reels keep 14% top, 6% sides, 35% bottom free; images JPG or PNG, 30 MB',
};
const META_FEED: SpecSource = {
  url: 'https://stish.app/knowledge-base/meta-ads-specifications-facebook-instagram',
  verified: SPECS_VERIFIED_ON,
  note: 'A vendor summary of Meta feed images: 1.91:1 to 1:1 (4:5 on Instagram), JPG or PNG, 30 MB',
};

function meta(id: string, name: string, width: number, height: number, extra: Partial<PlacementSpec>): PlacementSpec {
  return {
    id: `meta-${id}`,
    platform: 'Meta (Facebook, Instagram)',
    name,
    width,
    height,
    aspectTolerance: 0.01,
    minSize: { width: 500, height: Math.round((500 * height) / width) },
    maxKB: 30_000,
    formats: ['jpeg', 'png'],
    colorSpace: 'srgb',
    sources: [META_FEED],
    unverified: [],
    ...extra,
  };
}

const FEED_UNVERIFIED = ['aspect tolerance and min width: stated for Stories (1%, 500 px); assumed for feed images'];

/** Meta feed, Stories and Reels images with the buttons' safe zones. */
export const META_PACK: SpecPack = {
  id: 'meta',
  name: 'Meta feed, Stories and Reels',
  version: 1,
  placements: [
    meta('feed-square', 'Feed 1:1', 1080, 1080, { unverified: FEED_UNVERIFIED }),
    meta('feed-portrait', 'Feed 4:5', 1080, 1350, { unverified: FEED_UNVERIFIED }),
    meta('feed-landscape', 'Feed 1.91:1', 1200, 628, { unverified: FEED_UNVERIFIED }),
    meta('stories', 'Stories 9:16', 1080, 1920, {
      safeZone: { unit: 'percent', top: 14, right: 0, bottom: 20, left: 0 },
      sources: [META_STORIES_GUIDE],
    }),
    meta('reels', 'Reels 9:16 (also fits Stories)', 1080, 1920, {
      safeZone: { unit: 'percent', top: 14, right: 6, bottom: 35, left: 6 },
      sources: [META_REELS_ZONES, META_STORIES_GUIDE],
      unverified: ["Reels insets: read on a media seller's page restating Meta, not on a Meta page"],
    }),
  ],
  notFound: [],
};
