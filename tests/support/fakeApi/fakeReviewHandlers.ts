import type { ApiHandlers } from '../../../electron/shared';
import { SmartResizeError } from '../../../electron/domain/errors';
import type { FakeState } from './fakeState';
import { fakeThumbnailDataUrl } from './fakeThumbnail';

/** review.* over the fake's jobs: drawn pictures at each output's size instead of real files. */
export function fakeReviewHandlers(state: FakeState): ApiHandlers['review'] {
  const outputOf = (jobId: string, path: string) => {
    const output = state.jobs.find((job) => job.id === jobId)?.outputs.find((candidate) => candidate.path === path);
    if (!output) throw new SmartResizeError('path_not_allowed', `${path} is not an output of this job.`);
    return output;
  };
  const picture = (path: string, width: number, height: number) => {
    const dataUrl = fakeThumbnailDataUrl(path, Math.max(width, height));
    return { dataUrl, width, height, bytes: dataUrl.length };
  };
  return {
    image: async ({ jobId, path }) => {
      const output = outputOf(jobId, path);
      return picture(path, output.width, output.height);
    },
    before: async ({ jobId, path }) => {
      const output = outputOf(jobId, path);
      const job = state.jobs.find((candidate) => candidate.id === jobId)!;
      return picture(job.sourcePath, output.width, output.height);
    },
    // The fake keeps no versions: a fix is answered as version 2 of the run, and nothing is listed.
    nudge: async ({ jobId, path }) => {
      const output = outputOf(jobId, path);
      return { target: output.target, imageIndex: 0, version: 2, cause: 'nudge' as const, provider: 'local' as const, tier: null, layout: null, bytes: 0, createdAt: Date.now(), current: true };
    },
    switchMethod: async ({ jobId, path }) => {
      const output = outputOf(jobId, path);
      return { target: output.target, imageIndex: 0, version: 2, cause: 'method' as const, provider: 'local' as const, tier: null, layout: null, bytes: 0, createdAt: Date.now(), current: true };
    },
    versions: async () => ({ versions: [] }),
    // The fake lists no variants; a variant asked for by name is drawn, and choosing it is answered as version 2.
    variants: async () => ({ variants: [] }),
    variantImage: async ({ target, variant }) => {
      const [width, height] = target.split('x').map(Number) as [number, number];
      return picture(`${target}-${variant}`, width, height);
    },
    pickVariant: async ({ target }) => ({ target, imageIndex: 0, version: 2, cause: 'pick' as const, provider: 'fal' as const, tier: '1K', layout: null, bytes: 0, createdAt: Date.now(), current: true }),
    restore: async ({ jobId, path, version }) => {
      const output = outputOf(jobId, path);
      return { target: output.target, imageIndex: 0, version: version + 1, cause: 'restore' as const, provider: output.provider, tier: null, layout: null, bytes: 0, createdAt: Date.now(), current: true };
    },
    // The fake's re-run at fal: the published 1K price of one image plus the vision fee, answered as version 2.
    falRerunOffer: async ({ jobId, path }) => ({ size: outputOf(jobId, path).target, quote: { minCents: 20, maxCents: 35, visionFeeCents: 5, images: 1, reason: 'fal may bill the 4K tier: an answer that names no tier is recorded at the 4K price' }, reason: null }),
    rerunFal: async ({ jobId, path }) => {
      const output = outputOf(jobId, path);
      return { target: output.target, imageIndex: 0, version: 2, cause: 'fal_rerun' as const, provider: 'fal' as const, tier: '1K', layout: null, bytes: 0, createdAt: Date.now(), current: true, requestId: 'fake-request', costCents: 20 };
    },
  };
}
