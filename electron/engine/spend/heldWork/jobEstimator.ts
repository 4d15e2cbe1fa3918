import type { Profile } from '../../profiles';
import type { JobRecord } from '../../store';
import { estimateJob, type JobEstimate } from '../estimateJob';

/** Reads the exact profile version a job was made for. */
export type ProfileVersionReader = (profileId: string, version: number) => Profile;

/** Job estimates, memoized per profile version and provider, for one pass over many held jobs. */
export function jobEstimator(profileVersion: ProfileVersionReader): (job: JobRecord) => JobEstimate {
  const known = new Map<string, JobEstimate>();
  return (job) => {
    const key = `${job.profileId}\u0000${job.profileVersion}\u0000${job.provider}`;
    let estimate = known.get(key);
    if (!estimate) {
      try {
        estimate = estimateJob(profileVersion(job.profileId, job.profileVersion), job.provider);
      } catch {
        // A profile version that cannot be read any more: the job fails with the reason when it runs.
        estimate = { minCents: 0, maxCents: 0 };
      }
      known.set(key, estimate);
    }
    return estimate;
  };
}
