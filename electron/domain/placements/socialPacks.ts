import { SPECS_VERIFIED_ON, type PlacementSpec, type SpecPack, type SpecSource } from './placementSpec';

const source = (url: string, note: string): SpecSource => ({ url, verified: SPECS_VERIFIED_ON, note });

const YT_THUMBNAIL = source('https://www.futurescope.co/guide-for-youtube-video-marketers/', 'Guide restating YouTube: thumbnail 1280x720, min width 640, under 2 MB');
const YT_BANNER = source('https://www.picovert.com/en/blog/image-size-for-youtube-banner', 'Guide restating YouTube: banner 2560x1440 (min 2048x1152), 6 MB, JPG/PNG/GIF/BMP, safe area 1546x423 centred');
const LINKEDIN = source('https://fanyv88.com/https/www.linkedin.com/help/lms/answer/a426534', "Mirror of LinkedIn's help page a426534 (single image ads): JPG, PNG or GIF, 5 MB, 1.91:1 min 640x360, 1:1 min 360x360");
const X_IMAGE = source('https://xyzlab.com/x-ads-specs', 'Agency page restating X: image ads PNG or JPEG, 5 MB, 1200x1200 and 1200x628');
const X_16_9 = source('https://www.picovert.com/en/blog/image-size-for-twitter-ads', 'Guide restating X: 1200x675 (16:9) recommended, 5 MB, JPEG/PNG');
const PINTEREST = source('https://help.pinterest.com/en/business/article/pinterest-product-specs', "Pinterest's own product specs: PNG or JPEG, 20 MB (desktop), 2:3 recommended (1000x1500)");
const DOOH = source('https://basis-production-helpdocs.s3.amazonaws.com/master_buyer/DSP/DOOH/DOOH_AdSpecs.htm', 'Basis DSP DOOH ad specs: 1920x1080 or 1080x1920, JPG (PNG may not work everywhere), 750 KB max for broadest acceptance');

function spec(fields: Omit<PlacementSpec, 'colorSpace' | 'unverified'> & { unverified?: readonly string[] }): PlacementSpec {
  return { colorSpace: 'srgb', unverified: [], ...fields };
}

/** YouTube images: the video thumbnail and the channel banner with its all-devices safe area. */
export const YOUTUBE_PACK: SpecPack = {
  id: 'youtube',
  name: 'YouTube',
  version: 1,
  placements: [
    spec({ id: 'youtube-thumbnail', platform: 'YouTube', name: 'Video thumbnail 16:9', width: 1280, height: 720, aspectTolerance: 0.01, minSize: { width: 640, height: 360 }, maxKB: 2000, formats: ['jpeg', 'png', 'gif'], sources: [YT_THUMBNAIL], unverified: ['formats and aspect tolerance: not on the stored page; JPG/PNG/GIF and 1% assumed'] }),
    spec({
      id: 'youtube-banner',
      platform: 'YouTube',
      name: 'Channel banner',
      width: 2560,
      height: 1440,
      aspectTolerance: 0.01,
      minSize: { width: 2048, height: 1152 },
      maxKB: 6000,
      formats: ['jpeg', 'png', 'gif'],
      // (2560-1546)/2 and (1440-423)/2: the 1546x423 strip in the middle shows on every device.
      safeZone: { unit: 'px', top: 508, right: 507, bottom: 509, left: 507 },
      sources: [YT_BANNER],
      unverified: ['aspect tolerance: not on the stored page; 1% assumed'],
    }),
  ],
  notFound: [],
};

/** LinkedIn single image ads. */
export const LINKEDIN_PACK: SpecPack = {
  id: 'linkedin',
  name: 'LinkedIn',
  version: 1,
  placements: [
    spec({ id: 'linkedin-landscape', platform: 'LinkedIn', name: 'Single image 1.91:1', width: 1200, height: 628, aspectTolerance: 0.01, minSize: { width: 640, height: 360 }, maxKB: 5000, formats: ['jpeg', 'png', 'gif'], sources: [LINKEDIN], unverified: ['aspect tolerance: LinkedIn states none; 1% assumed'] }),
    spec({ id: 'linkedin-square', platform: 'LinkedIn', name: 'Single image 1:1', width: 1200, height: 1200, aspectTolerance: 0.01, minSize: { width: 360, height: 360 }, maxKB: 5000, formats: ['jpeg', 'png', 'gif'], sources: [LINKEDIN], unverified: ['aspect tolerance: LinkedIn states none; 1% assumed'] }),
  ],
  notFound: [],
};

/** X (Twitter) image ads. */
export const X_PACK: SpecPack = {
  id: 'x',
  name: 'X (Twitter)',
  version: 1,
  placements: [
    spec({ id: 'x-landscape', platform: 'X', name: 'Image 1.91:1', width: 1200, height: 628, aspectTolerance: 0.01, maxKB: 5000, formats: ['jpeg', 'png'], sources: [X_IMAGE], unverified: ['aspect tolerance: not stated; 1% assumed'] }),
    spec({ id: 'x-widescreen', platform: 'X', name: 'Image 16:9', width: 1200, height: 675, aspectTolerance: 0.01, minSize: { width: 600, height: 335 }, maxKB: 5000, formats: ['jpeg', 'png'], sources: [X_16_9], unverified: ['aspect tolerance: not stated; 1% assumed'] }),
    spec({ id: 'x-square', platform: 'X', name: 'Image 1:1', width: 1200, height: 1200, aspectTolerance: 0.01, maxKB: 5000, formats: ['jpeg', 'png'], sources: [X_IMAGE], unverified: ['aspect tolerance: not stated; 1% assumed'] }),
  ],
  notFound: [],
};

/** Pinterest standard Pins and ads. */
export const PINTEREST_PACK: SpecPack = {
  id: 'pinterest',
  name: 'Pinterest',
  version: 1,
  placements: [
    spec({ id: 'pinterest-standard', platform: 'Pinterest', name: 'Standard Pin 2:3', width: 1000, height: 1500, aspectTolerance: 0.01, maxKB: 20_000, formats: ['jpeg', 'png'], sources: [PINTEREST], unverified: ['aspect tolerance: Pinterest recommends 2:3 and warns taller Pins are cut; 1% assumed'] }),
  ],
  notFound: [],
};

/** Digital out-of-home screens, programmatic: full-HD JPEGs. */
export const DOOH_PACK: SpecPack = {
  id: 'dooh',
  name: 'Digital out-of-home',
  version: 1,
  placements: [
    spec({ id: 'dooh-landscape', platform: 'DOOH', name: 'Screen 16:9', width: 1920, height: 1080, aspectTolerance: 0, maxKB: 750, formats: ['jpeg'], sources: [DOOH], unverified: ['750 KB is one DSP\'s "broadest acceptance" figure; networks set their own caps'] }),
    spec({ id: 'dooh-portrait', platform: 'DOOH', name: 'Screen 9:16', width: 1080, height: 1920, aspectTolerance: 0, maxKB: 750, formats: ['jpeg'], sources: [DOOH], unverified: ['750 KB is one DSP\'s "broadest acceptance" figure; networks set their own caps'] }),
  ],
  notFound: [],
};
