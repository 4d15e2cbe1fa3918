import { SPECS_VERIFIED_ON, type PlacementSpec, type SpecPack, type SpecSource } from './placementSpec';

const ADWORDS_IMAGE_ADS: SpecSource = {
  url: 'https://paperzz.com/doc/9247603/google-adwords-spec-sheet-image-ads',
  verified: SPECS_VERIFIED_ON,
  note: "Copy of Google's AdWords spec sheet for image ads: .JPEG .JPG .PNG .GIF, 150 KB or smaller, the sizes listed",
};
const DISPLAY_150KB: SpecSource = {
  url: 'https://support.propensity.com/hc/en-us/articles/28612017987483-Google-Display-Ad-Best-Practices',
  verified: SPECS_VERIFIED_ON,
  note: 'A vendor page giving the same 150 KB limit for every uploaded display image size',
};
const RDA_API: SpecSource = {
  url: 'https://developers.google.com/google-ads/api/reference/rpc/v20/ResponsiveDisplayAdInfo',
  verified: SPECS_VERIFIED_ON,
  note: 'Google Ads API: marketing images 1.91:1 (+-1%) min 600x314, square 1:1 (+-1%) min 300x300',
};
const PMAX_API: SpecSource = {
  url: 'https://developers.google.com/google-ads/api/performance-max/asset-requirements',
  verified: SPECS_VERIFIED_ON,
  note: 'Google Ads API, Performance Max asset requirements: 5120 KB max, portrait 4:5 960x1200',
};
const PMAX_HELP: SpecSource = {
  url: 'https://support.google.com/google-ads/answer/14530211',
  verified: SPECS_VERIFIED_ON,
  note: 'Google Ads Help: JPG or PNG, content in the centre 80% of the image, portrait min 480x600',
};

function uploaded(width: number, height: number, name: string): PlacementSpec {
  return {
    id: `google-display-${width}x${height}`,
    platform: 'Google Display',
    name: `${name} (uploaded image ad)`,
    width,
    height,
    aspectTolerance: 0,
    maxKB: 150,
    formats: ['jpeg', 'png', 'gif'],
    colorSpace: 'srgb',
    sources: [ADWORDS_IMAGE_ADS, DISPLAY_150KB],
    unverified: [],
  };
}

/** Google Display uploaded image ads: exact slot sizes, GIF/JPG/PNG, 150 KB. */
export const GOOGLE_DISPLAY_PACK: SpecPack = {
  id: 'google-display',
  name: 'Google Display uploaded images',
  version: 1,
  placements: [
    uploaded(300, 250, 'Inline rectangle'),
    uploaded(336, 280, 'Large rectangle'),
    uploaded(728, 90, 'Leaderboard'),
    uploaded(970, 90, 'Large leaderboard'),
    uploaded(300, 600, 'Half-page'),
    uploaded(160, 600, 'Wide skyscraper'),
    uploaded(120, 600, 'Skyscraper'),
    uploaded(468, 60, 'Banner'),
    uploaded(320, 50, 'Mobile leaderboard'),
    uploaded(250, 250, 'Square'),
    uploaded(200, 200, 'Small square'),
  ],
  notFound: [],
};

// The centre 80% is safe, so 10% is reserved on each side.
const CENTRE_80: PlacementSpec['safeZone'] = { unit: 'percent', top: 10, right: 10, bottom: 10, left: 10 };

function responsive(id: string, name: string, width: number, height: number, minSize: { width: number; height: number }): PlacementSpec {
  return {
    id: `google-responsive-${id}`,
    platform: 'Google responsive display / Performance Max',
    name,
    width,
    height,
    aspectTolerance: 0.01,
    minSize,
    maxKB: 5120,
    formats: ['jpeg', 'png'],
    colorSpace: 'srgb',
    safeZone: CENTRE_80,
    sources: [RDA_API, PMAX_API, PMAX_HELP],
    unverified: id === 'portrait' ? ['aspect tolerance: the +-1% is stated for landscape and square; assumed for 4:5'] : [],
  };
}

/** Google responsive display and Performance Max image assets: ratios within 1%, 5120 KB, JPG/PNG. */
export const GOOGLE_RESPONSIVE_PACK: SpecPack = {
  id: 'google-responsive',
  name: 'Google responsive display / Performance Max',
  version: 1,
  placements: [
    responsive('landscape', 'Landscape 1.91:1', 1200, 628, { width: 600, height: 314 }),
    responsive('square', 'Square 1:1', 1200, 1200, { width: 300, height: 300 }),
    responsive('portrait', 'Portrait 4:5', 960, 1200, { width: 480, height: 600 }),
  ],
  notFound: ['9:16 vertical image: no stored Google page lists a 9:16 image asset for responsive display or Performance Max'],
};
