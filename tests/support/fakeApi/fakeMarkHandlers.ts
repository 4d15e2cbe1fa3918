import { SmartResizeError } from '../../../electron/domain/errors';
import type { ApiHandlers } from '../../../electron/shared';
import type { FakeState } from './fakeState';

type Marks = Awaited<ReturnType<ApiHandlers['marks']['get']>>['marks'];

/** marks.* over the seeded jobs: marks kept per job in memory; setting them "remakes" the job's local sizes. */
export function fakeMarkHandlers(state: FakeState): ApiHandlers['marks'] {
  const saved = new Map<string, { marks: NonNullable<Marks>; updatedAt: number }>();
  const jobOf = (jobId: string) => {
    const job = state.jobs.find((candidate) => candidate.id === jobId);
    if (!job) throw new SmartResizeError('job_not_found', `There is no job with id "${jobId}".`);
    return job;
  };
  return {
    get: async ({ jobId }) => {
      const job = jobOf(jobId);
      const entry = saved.get(jobId);
      return { marks: entry?.marks ?? null, updatedAt: entry?.updatedAt ?? null, sidecarPath: `${job.sourcePath}.xmp` };
    },
    set: async ({ jobId, marks }) => {
      const job = jobOf(jobId);
      const updatedAt = Date.now();
      saved.set(jobId, { marks, updatedAt });
      const sizes = (provider: string) => [...new Set(job.outputs.filter((output) => output.provider === provider).map((output) => output.target))];
      const fal = sizes('fal');
      return {
        marks,
        updatedAt,
        sidecarPath: `${job.sourcePath}.xmp`,
        remade: sizes('local'),
        // One request per size, each with its vision fee (as the engine's re-run at fal sends them).
        falRerun: fal.length > 0 ? { sizes: fal, minCents: 20 * fal.length, maxCents: 35 * fal.length, reason: 'fal may bill the 4K tier: an answer that names no tier is recorded at the 4K price' } : null,
        notes: [],
      };
    },
    rerunFal: async ({ jobId }) => {
      const job = jobOf(jobId);
      const sizes = [...new Set(job.outputs.filter((output) => output.provider === 'fal').map((output) => output.target))];
      const made = sizes.map((size, index) => ({ size, version: 2, requestId: `fake-rerun-${index}`, costCents: 20 }));
      return { sizes: made, costCents: 20 * made.length, note: "fal's smart-resize takes no focal point or keep boxes." };
    },
  };
}
