import { SmartResizeError } from '../../domain/errors';
import type { ApiHandlers } from '../../shared/contract/types';

/**
 * The path of an output a job recorded and that is still on disk, or a refusal: the one check behind every way an
 * output leaves the app by path (the desktop host's drag out, the headless host's download route). It asks the
 * same `jobs.detail` handler the UI reads, so it sees exactly the outputs the page shows. Any other path, a source
 * included, is refused.
 */
export async function recordedOutputPath(jobs: Pick<ApiHandlers['jobs'], 'detail'>, ref: { readonly jobId: string; readonly path: string }): Promise<string> {
  const job = await jobs.detail({ id: ref.jobId });
  const output = job.outputs.find((candidate) => candidate.path === ref.path);
  if (!output) throw new SmartResizeError('path_not_allowed', `${ref.path} is not an output of this job.`);
  if (job.missingOutputs.includes(output.path)) {
    throw new SmartResizeError('file_not_found', `${output.path} was moved or deleted after the job wrote it.`);
  }
  return output.path;
}
