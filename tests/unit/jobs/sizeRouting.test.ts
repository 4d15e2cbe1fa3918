import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../electron/engine/composition/detection';
import { routeSizes } from '../../../electron/engine/jobs/sizeRouting';
import { safeInsetsFor } from '../../../electron/engine/preflight';
import { findPlacement } from '../../../electron/domain/placements';
import { ProfileSchema } from '../../../electron/engine/profiles';

const STORY = { width: 1080, height: 1920 };
const profile = ProfileSchema.parse({
  id: 'p',
  name: 'p',
  version: 1,
  createdAt: new Date(0).toISOString(),
  updatedAt: new Date(0).toISOString(),
  sizes: [{ placement: 'meta-stories', policy: 'auto' }],
});
/** A story-shaped source whose keep box (a headline) sits in the top 14% a story's header covers. */
const raw = { data: Buffer.alloc(0), width: 1080, height: 1920, channels: 3 as const };
const detection: Detection = {
  subjects: [{ kind: 'keep', box: { left: 200, top: 60, width: 680, height: 160 }, score: 1 }],
  notes: [],
  timings: {},
  cached: false,
};

describe('routeSizes (the auto policy)', () => {
  it("scores each size with its placement's safe zone: a keep box under the story header is not 'kept' by a plain crop", () => {
    const blind = routeSizes(profile, [STORY], raw, true, detection);
    expect(blind.local).toEqual([STORY]);

    const insetsFor = (target: typeof STORY) => safeInsetsFor(findPlacement('meta-stories'), target);
    expect(blind.reasons[0]).toBe('1080x1920: local, a crop keeps 1 keep box whole');
    // With the header band reserved, a plain crop no longer counts: the picture moves down under a thin fill.
    const routes = routeSizes(profile, [STORY], raw, true, detection, insetsFor);
    expect(routes.reasons[0]).toMatch(/^1080x1920: local, a crop with pad \(\d+% fill\) keeps 1 keep box whole$/);
  });
});
