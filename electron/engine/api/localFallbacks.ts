import type { Job as ApiJob } from '../../shared/schemas/job';
import { formatTargetSize } from '../../domain/sizes/targetSize';
import type { EngineParts } from '../runtime/engineParts';

/**
 * Marks each output of a size its profile version sets to fal but that the local engine made ("asked for fal, made
 * locally"). Profile versions never change, so the mark is as true later as on the day the job ran.
 */
export function withLocalFallbackMarks<J extends ApiJob>(engine: EngineParts, job: J): J {
  const falTargets = falSizesOf(engine, job.profileId, job.profileVersion);
  if (falTargets.size === 0) return job;
  return { ...job, outputs: job.outputs.map((output) => ({ ...output, askedForFal: output.provider === 'local' && falTargets.has(output.target) })) };
}

function falSizesOf(engine: EngineParts, profileId: string, version: number): ReadonlySet<string> {
  try {
    const profile = engine.profiles.get(profileId, version);
    return new Set(profile.sizes.filter((size) => size.policy === 'fal').map(formatTargetSize));
  } catch {
    // A profile removed since: no policy to compare with, so no mark.
    return new Set();
  }
}
