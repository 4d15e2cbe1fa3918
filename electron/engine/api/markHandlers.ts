import type { ApiHandlers } from '../../shared/contract/types';
import { SmartResizeError } from '../../domain/errors';
import { marksOfSource, sidecarPathFor } from '../composition/marks';
import type { EngineParts } from '../runtime/engineParts';

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
  };
}
