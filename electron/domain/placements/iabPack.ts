import { SPECS_VERIFIED_ON, type PlacementSpec, type SpecPack, type SpecSource } from './placementSpec';

const IAB_PORTFOLIO: SpecSource = {
  url: 'https://pdf4pro.com/view/fixed-size-ad-specifications-iab-64da2d.html',
  verified: SPECS_VERIFIED_ON,
  note: "Transcription of IAB Tech Lab's 'Fixed Size Ad Specifications' (New Ad Portfolio, 2017, www.iab.com/newadportfolio); max initial-load k-weight column",
};
const IAB_FORMATS: SpecSource = {
  url: 'https://mediassociates-specs.com/banner',
  verified: SPECS_VERIFIED_ON,
  note: 'A media buyer\'s "Standard IAB Ads" page: GIF, JPEG and PNG image files accepted',
};

/** A fixed IAB slot: exact pixels, the initial-load weight from IAB's table. */
function fixed(width: number, height: number, name: string, maxKB: number | null, unverified: string[] = []): PlacementSpec {
  return {
    id: `iab-${width}x${height}`,
    platform: 'IAB',
    name,
    width,
    height,
    aspectTolerance: 0,
    maxKB,
    formats: ['jpeg', 'png', 'gif'],
    colorSpace: 'srgb',
    sources: [IAB_PORTFOLIO, IAB_FORMATS],
    unverified: ['formats: IAB\'s table names none for static images; taken from a media buyer\'s IAB spec page', ...unverified],
  };
}

/** IAB New Ad Portfolio fixed sizes with their initial-load weights. */
export const IAB_PACK: SpecPack = {
  id: 'iab',
  name: 'IAB fixed sizes',
  version: 1,
  placements: [
    fixed(300, 250, 'Medium Rectangle', 150),
    fixed(728, 90, 'Leaderboard', 150),
    fixed(160, 600, 'Skyscraper', 150),
    fixed(970, 250, 'Billboard', 250),
    fixed(300, 1050, 'Portrait', 250),
    fixed(970, 90, 'Super Leaderboard / Pushdown', 200),
    fixed(320, 50, 'Smartphone Banner', 50),
    fixed(300, 50, 'Smartphone Banner', 50),
    fixed(300, 600, 'Half Page', null, [
      "max weight: 300x600 is not in IAB's fixed-size table (the google-display pack's 150 KB applies on Google)",
    ]),
    fixed(640, 1136, 'Mobile Phone Interstitial', 300),
    fixed(750, 1334, 'Mobile Phone Interstitial', 300),
    fixed(1080, 1920, 'Mobile Phone Interstitial', 300),
  ],
  notFound: [],
};
