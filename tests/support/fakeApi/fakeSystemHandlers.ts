import { SmartResizeError } from '../../../electron/domain/errors';
import type { ApiEventHub, ApiHandlers, DropContentsQuoteInput, DropQuote, DropQuoteInput, EstimateInput, Estimate } from '../../../electron/shared';
import { fakeQueueState } from './fakeEvents';
import { fakeThumbnailDataUrl } from './fakeThumbnail';
import type { FakeState } from './fakeState';

type SystemGroups = Pick<ApiHandlers, 'queue' | 'estimate' | 'settings' | 'falKey' | 'shell' | 'dialog' | 'media'>;

/** fal's price per image of a tier (FAL.md): 15 cents, 30 at 4K; 5 cents per request for the vision step. */
function fakeEstimate(state: FakeState, { profileId, fileCount }: EstimateInput): Estimate {
  const profile = state.profiles.find((candidate) => candidate.id === profileId);
  if (!profile) throw new SmartResizeError('profile_not_found', `There is no profile with id "${profileId}".`);
  const images = profile.fal.numImagesPerSize;
  const sizes = profile.sizes.map((size) => {
    const falMin = (profile.fal.resolution === '4K' ? 30 : 15) * images;
    // As the engine: the top is every image at 4K's price, what the ledger records for an answer naming no tier.
    const falMax = 30 * images;
    if (size.policy === 'local') return { ...size, minCents: 0, maxCents: 0 };
    return { ...size, minCents: size.policy === 'auto' ? 0 : falMin, maxCents: falMax };
  });
  const requestMin = profile.sizes.some((size) => size.policy === 'fal') ? 5 : 0;
  const requestMax = profile.sizes.some((size) => size.policy !== 'local') ? 5 : 0;
  const perFileMin = requestMin + sizes.reduce((sum, size) => sum + size.minCents, 0);
  const perFileMax = requestMax + sizes.reduce((sum, size) => sum + size.maxCents, 0);
  return { fileCount, minCents: perFileMin * fileCount, maxCents: perFileMax * fileCount, sizes, localOnly: null };
}

/** The quote of `images` new images of a drop with `alreadyMade` left out, at the fake's per-image prices. */
function fakeQuote(state: FakeState, profileId: string, images: number, alreadyMade: number): DropQuote {
  const perFile = fakeEstimate(state, { profileId, fileCount: 1 });
  const threshold = state.settings.confirmAboveCents;
  return {
    images,
    alreadyMade,
    minCents: perFile.minCents * images,
    maxCents: perFile.maxCents * images,
    confirmAboveCents: threshold,
    confirmationRequired: threshold !== null && perFile.maxCents * images > threshold,
    localOnly: null,
  };
}

/**
 * A drop's quote as the engine counts it, by name here: each image path once, the sources of the profile's jobs
 * already made left out.
 */
function fakeDropQuote(state: FakeState, { paths, profileId }: DropQuoteInput): DropQuote {
  const made = new Set(state.jobs.filter((job) => job.profileId === profileId && job.state === 'done').map((job) => job.sourcePath));
  const images = new Set(paths.filter((path) => /\.(jpe?g|png|webp|avif|tiff?|gif|heic|heif)$/i.test(path)));
  const fresh = [...images].filter((path) => !made.has(path)).length;
  return fakeQuote(state, profileId, fresh, images.size - fresh);
}

/** A drop's quote by content as the engine counts it: each content once (the fake's jobs have none to leave out). */
function fakeContentsQuote(state: FakeState, { contents, profileId }: DropContentsQuoteInput): DropQuote {
  const images = new Set(contents.filter((hash) => hash !== null)).size + contents.filter((hash) => hash === null).length;
  return fakeQuote(state, profileId, images, contents.length - images);
}

/** Queue, settings, key, shell, dialog and media verbs of the fake host. Calls to the shell are recorded. */
export function fakeSystemHandlers(state: FakeState, hub: ApiEventHub, shellCalls: string[]): SystemGroups {
  const emitQueue = () => {
    const queue = fakeQueueState(state);
    hub.emit({ type: 'queue.changed', queue });
    return queue;
  };
  return {
    queue: {
      state: async () => fakeQueueState(state),
      pause: async () => ((state.paused = { cause: 'user', reason: 'Paused from the app.' }), emitQueue()),
      resume: async () => ((state.paused = null), emitQueue()),
    },
    estimate: {
      batch: async (input) => fakeEstimate(state, input),
      paths: async (input) => fakeDropQuote(state, input),
      contents: async (input) => fakeContentsQuote(state, input),
    },
    settings: {
      store: async () => fakeStoreChoice(state),
      setStore: async ({ url }) => ((state.storeUrl = url), fakeStoreChoice(state)),
      setInstance: async ({ name }) => ((state.instanceName = name), fakeStoreChoice(state)),
      get: async () => state.settings,
      update: async (patch) => Object.assign(state.settings, patch),
    },
    falKey: {
      status: async () => state.falKey,
      set: async () => {
        // As the engine does: a saved key lifts a pause fal caused by refusing the key, never the person's own.
        if (state.paused?.cause === 'auth') {
          state.paused = null;
          emitQueue();
        }
        return (state.falKey = { configured: true, storage: 'safeStorage' });
      },
      clear: async () => (state.falKey = { configured: false, storage: 'none' }),
      // The fake has no fal to ask: a configured key is taken as valid.
      test: async (input) =>
        input?.key || state.falKey.configured ? { result: 'valid' as const, message: 'fal accepted the key.' } : { result: 'no_key' as const, message: 'No fal key is set: type one to test it.' },
    },
    shell: {
      openPath: async ({ path }) => (shellCalls.push(`open:${path}`), { ok: true as const }),
      revealPath: async ({ path }) => (shellCalls.push(`reveal:${path}`), { ok: true as const }),
    },
    dialog: { pickFolder: async () => ({ path: null }) },
    media: { thumbnail: async ({ path, maxSide }) => ({ dataUrl: fakeThumbnailDataUrl(path, maxSide) }) },
  };
}

/** The fake's store choice: SQLite in use; a saved team URL (password redacted) and name wait for a restart. */
function fakeStoreChoice(state: FakeState) {
  return {
    inUse: { kind: 'sqlite' as const, location: '/fake/data/jobs.sqlite' },
    source: 'default' as const,
    saved: state.storeUrl ? state.storeUrl.replace(/:[^:@/]*@/, ':***@') : null,
    restartToApply: Boolean(state.storeUrl),
    instance: { inUse: null, saved: state.instanceName ?? null, next: state.instanceName ?? 'demo@studio-mac', source: 'default' as const, restartToApply: false },
  };
}
