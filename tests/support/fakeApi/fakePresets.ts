import type { ProfileDraft, ProfilePreset, ProfileSize, SizePolicy } from '../../../electron/shared';

/** The naming template the engine uses by default (electron/engine/output). */
export const FAKE_NAMING_TEMPLATE = '{folder}-{w}x{h}/{dir}/{name}.{ext}';

function sizes(policy: SizePolicy, ...pairs: Array<[number, number]>): ProfileSize[] {
  return pairs.map(([width, height]) => ({ width, height, policy }));
}

function draft(name: string, sizeList: ProfileSize[]): ProfileDraft {
  return {
    name,
    sizes: sizeList,
    output: { format: 'jpeg', quality: 90 },
    naming: { template: FAKE_NAMING_TEMPLATE, collision: 'suffix' },
    fal: { prompt: '', numImagesPerSize: 1, resolution: '1K', safetyTolerance: '4' },
  };
}

/** The built-in presets of the foundation issue, as the fake host offers them. */
export const FAKE_PRESETS: ProfilePreset[] = [
  {
    id: 'meta',
    name: 'Meta feed & stories',
    description: 'Square, portrait feed, stories/reels and link ads.',
    draft: draft('Meta feed & stories', sizes('auto', [1080, 1080], [1080, 1350], [1080, 1920], [1200, 628])),
  },
  {
    id: 'iab',
    name: 'IAB display',
    description: 'Standard web banners, from leaderboard to mobile.',
    draft: draft('IAB display', sizes('local', [300, 250], [728, 90], [160, 600], [300, 600], [970, 250], [320, 50])),
  },
  {
    id: 'youtube',
    name: 'YouTube',
    description: 'Thumbnails and channel art in HD and QHD.',
    draft: draft('YouTube', sizes('fal', [1280, 720], [2560, 1440])),
  },
  {
    id: 'linkedin-x',
    name: 'LinkedIn / X',
    description: 'Shared-link images and in-feed landscape posts.',
    draft: draft('LinkedIn / X', sizes('auto', [1200, 627], [1600, 900])),
  },
  {
    id: 'pinterest',
    name: 'Pinterest',
    description: 'Standard 2:3 pins.',
    draft: draft('Pinterest', sizes('fal', [1000, 1500])),
  },
];
