import type { ApiHandlers } from '../../shared/contract/types';
import { falRequestSizes } from '../jobs/falCanvases';
import { estimateRequest, quoteSizes } from '../pricing';
import type { EngineParts } from '../runtime/engineParts';
import { paidMaximumCents, quoteDropContents, quotePaidDrop } from './paidDropConfirmation';
import { allowedQueuePaths, type PathPolicy } from './pathPolicy';

/**
 * estimate.*: what work may cost before it is sent. `batch` prices N files by count (the drop page's line while files
 * are staged); `paths` quotes a drop's actual paths as jobs.enqueuePaths will count them for the confirmation
 * threshold, so the question shows the maximum the engine holds it to. With a path policy (headless host), paths
 * the caller may not queue are left out, as the enqueue leaves them out (and are never read). `contents` quotes files
 * by their bytes' sha256 as `paths` would quote them: the drop page's staged files in a browser, not uploaded yet.
 */
export function estimateHandlers(engine: EngineParts, pathPolicy?: PathPolicy): ApiHandlers['estimate'] {
  return {
    batch: async ({ profileId, fileCount }) => {
      const profile = engine.profiles.get(profileId);
      // No key (or fal turned off): every size is made locally, so nothing is quoted at fal's prices.
      const localOnly = engine.fal.localOnlyReason() ?? null;
      const perFile = estimateRequest(profile.sizes, profile.fal);
      // Each size's top is its quote's (its images at 4K, as the ledger records an answer naming no tier), as the total's.
      const paid = profile.sizes.filter((size) => size.policy !== 'local');
      const tops = new Map(quoteSizes(paid, falRequestSizes(paid, profile.fal), profile.fal).map((quote, index) => [paid[index]!, quote.maxCents]));
      // The total counts one vision fee per fal request (a profile over 10 fal sizes makes several); the same
      // per-image maximum jobs.enqueuePaths holds the confirmation threshold to.
      const total = paidMaximumCents(engine, profile, fileCount);
      const cents = (value: number | undefined) => (localOnly ? 0 : (value ?? 0) * fileCount);
      return {
        fileCount,
        minCents: total.minCents,
        maxCents: total.maxCents,
        sizes: profile.sizes.map((size, index) => ({
          width: size.width,
          height: size.height,
          policy: size.policy,
          minCents: cents(perFile.perSize[index]?.minCents),
          maxCents: cents(tops.get(size)),
        })),
        localOnly,
      };
    },
    paths: async ({ paths, profileId }) => {
      const allowed = pathPolicy ? (await allowedQueuePaths(paths, pathPolicy)).allowed : paths;
      const quote = await quotePaidDrop(engine, allowed, profileId);
      return { ...quote, localOnly: engine.fal.localOnlyReason() ?? null };
    },
    contents: async ({ contents, profileId }) => {
      const quote = await quoteDropContents(engine, contents, profileId);
      return { ...quote, localOnly: engine.fal.localOnlyReason() ?? null };
    },
  };
}
