import type { ApiHandlers } from '../../shared/contract/types';
import { SmartResizeError } from '../../domain/errors';
import { marksOfSource, sidecarPathFor } from '../composition/marks';
import type { EngineParts } from '../runtime/engineParts';

/** fal's smart-resize input is the image, the sizes and a prompt (FAL.md): nothing where a focal point could go. */
const FAL_TAKES_NO_MARKS =
  "fal's smart-resize takes no focal point or keep boxes, so they cannot steer fal itself: each size was made again from the source (far-aspect sizes cut here around the subjects found in fal's picture).";

/** marks.*: the focal point and keep boxes of a job's source; setting them remakes its local sizes at once. */
export function markHandlers(engine: EngineParts): ApiHandlers['marks'] {
  const jobOf = async (jobId: string) => {
    const job = await engine.store.jobs.getJob(jobId);
    if (!job) throw new SmartResizeError('job_not_found', `There is no job ${jobId}.`);
    return job;
  };
  return {
    get: async ({ jobId }) => {
      const job = await jobOf(jobId);
      const found = await marksOfSource(engine.store.marks, job.contentHash, job.sourcePath);
      return { marks: found.marks ? { ...found.marks, keep: [...found.marks.keep] } : null, updatedAt: found.updatedAt ?? null, sidecarPath: sidecarPathFor(job.sourcePath) };
    },
    set: async ({ jobId, marks }) => {
      const job = await jobOf(jobId);
      const result = await engine.setJobMarks(jobId, marks);
      return { marks, updatedAt: result.updatedAt, sidecarPath: sidecarPathFor(job.sourcePath), remade: result.remade, falRerun: result.falRerun ?? null, notes: result.notes };
    },
    // Each fal size goes through the one-size re-run at fal, one after another (each its own request and charge).
    rerunFal: async ({ jobId }) => {
      await jobOf(jobId);
      const sizes = [...new Set((await engine.store.outputs.listOutputs(jobId)).filter((output) => output.provider === 'fal').map((output) => output.target))];
      if (sizes.length === 0) throw new SmartResizeError('invalid_size', `Job ${jobId} has no size made by fal.`);
      const made = [];
      for (const size of sizes) {
        const result = await engine.rerunSizeAtFal(jobId, size);
        made.push({ size, version: result.versions[0]!.version, requestId: result.requestId, costCents: result.costCents });
      }
      return { sizes: made, costCents: made.reduce((sum, entry) => sum + entry.costCents, 0), note: FAL_TAKES_NO_MARKS };
    },
  };
}
