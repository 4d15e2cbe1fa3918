import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { SmartResizeError } from '../../domain/errors';
import type { ApiHandlers } from '../../shared/contract/types';
import { renderBeforeImage } from '../review/beforeImage';
import { nudgeOutput, restoreOutputVersion, type FixContext } from '../review/fixOutput';
import { falRerunOffer } from '../review/falRerunOffer';
import { budgetOf } from '../spend';
import { switchOutputMethod } from '../review/switchMethod';
import { variantHandlers } from './variantHandlers';
import type { OutputVersionRecord } from '../store';
import type { EngineParts } from '../runtime/engineParts';

/** The largest file the large view is sent whole (a 1:1 view of anything bigger is not a review any more). */
const MAX_FULL_IMAGE_BYTES = 60 * 1024 * 1024;

/** review.*: what the job view shows beyond the list's previews. */
export function reviewHandlers(engine: EngineParts, dataDir: string): ApiHandlers['review'] {
  const { store } = engine;
  const fixing = (): FixContext => ({
    store,
    dataDir,
    profileOf: (job) => engine.profiles.get(job.profileId, job.profileVersion),
    pixelLimit: engine.settings.get().pixelLimit,
  });
  const asVersion = (record: OutputVersionRecord, current: number | undefined) => ({
    target: record.target,
    imageIndex: record.imageIndex,
    version: record.version,
    cause: record.cause,
    provider: record.provider,
    tier: record.tier,
    layout: record.layout,
    bytes: record.bytes,
    createdAt: record.createdAt,
    current: record.version === current,
  });
  /** The job and its recorded output at this path; anything else is refused (the API reads only job files). */
  const outputOf = async (jobId: string, path: string) => {
    const job = await store.jobs.getJob(jobId);
    if (!job) throw new SmartResizeError('job_not_found', `There is no job ${jobId}.`);
    const output = (await store.outputs.listOutputs(jobId)).find((candidate) => candidate.path === path);
    if (!output) throw new SmartResizeError('path_not_allowed', `${path} is not an output of this job.`);
    return { job, output };
  };
  return {
    image: async ({ jobId, path }) => {
      await outputOf(jobId, path);
      const bytes = await readFile(path).catch((error: unknown) => {
        throw new SmartResizeError('file_not_found', `${path} cannot be read (${(error as Error).message}).`);
      });
      if (bytes.length > MAX_FULL_IMAGE_BYTES) throw new SmartResizeError('file_unreadable', `${path} is too large to show whole.`);
      const meta = await sharp(bytes).metadata();
      const mime = meta.format === 'jpeg' ? 'image/jpeg' : meta.format === 'webp' ? 'image/webp' : 'image/png';
      return { dataUrl: `data:${mime};base64,${bytes.toString('base64')}`, width: meta.width ?? 1, height: meta.height ?? 1, bytes: bytes.length };
    },
    before: async ({ jobId, path }) => {
      const { job, output } = await outputOf(jobId, path);
      const bytes = await renderBeforeImage(job.sourcePath, output, output.layout, engine.settings.get().pixelLimit);
      return { dataUrl: `data:image/jpeg;base64,${bytes.toString('base64')}`, width: output.width, height: output.height, bytes: bytes.length };
    },
    // A fix answers the version it made, which the file now holds.
    nudge: async ({ jobId, path, window }) => {
      const made = await nudgeOutput(fixing(), jobId, path, window);
      return asVersion(made, made.version);
    },
    switchMethod: async ({ jobId, path, method, fill }) => {
      const made = await switchOutputMethod(fixing(), jobId, path, { method, ...(fill ? { fill } : {}) });
      return asVersion(made, made.version);
    },
    versions: async ({ jobId }) => {
      if (!(await store.jobs.getJob(jobId))) throw new SmartResizeError('job_not_found', `There is no job ${jobId}.`);
      const current = await store.versions.currentVersions(jobId);
      return { versions: (await store.versions.listVersions(jobId)).map((record) => asVersion(record, current.get(`${record.target}#${record.imageIndex}`))) };
    },
    restore: async ({ jobId, path, version }) => {
      const made = await restoreOutputVersion(fixing(), jobId, path, version);
      return asVersion(made, made.version);
    },
    falRerunOffer: async ({ jobId, path }) => {
      const { job, output } = await outputOf(jobId, path);
      const offer = await falRerunOffer(
        {
          store,
          profileOf: (of) => engine.profiles.get(of.profileId, of.profileVersion),
          localOnlyReason: () => engine.fal.localOnlyReason(),
          budget: () => budgetOf(engine.settings.get()),
          now: Date.now,
          folderLabel: (folderId) => engine.settings.get().folders.find((folder) => folder.id === folderId)?.path ?? `folder ${folderId}`,
        },
        job,
        output.target,
      );
      return { size: offer.size, quote: offer.quote ? { ...offer.quote } : null, reason: offer.reason };
    },
    rerunFal: async ({ jobId, path }) => {
      const { output } = await outputOf(jobId, path);
      const made = await engine.rerunSizeAtFal(jobId, output.target);
      const version = made.versions.find((record) => record.imageIndex === output.imageIndex) ?? made.versions[0]!;
      return { ...asVersion(version, version.version), requestId: made.requestId, costCents: made.costCents };
    },
    ...variantHandlers(fixing, asVersion),
  };
}
