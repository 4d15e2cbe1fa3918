import { SmartResizeError } from '../../domain/errors';
import { parseTargetSize } from '../../domain/sizes/targetSize';
import { planComposition } from '../composition/planner';
import { saliencySubjects } from '../composition/saliencySubject';
import { marksAsSubjects, type UserMarks } from '../composition/userMarks';
import { loadSourceImage } from '../decode';
import type { OutputVersionRecord } from '../store';
import { nudgeOutput, type FixContext } from './fixOutput';
import { layoutInSource } from './layoutInSource';

/**
 * Makes one size of a job again with the local engine (free): the planner lays it out afresh from the source's
 * saliency and the marks given (a focal point, boxes to keep), and the result is written like a nudge to that
 * window: a new version at the same path, every other output untouched. Answers the version and its output path.
 */
export async function rerunSizeLocally(context: FixContext, jobId: string, size: string, marks?: UserMarks): Promise<{ version: OutputVersionRecord; path: string }> {
  const job = await context.store.jobs.getJob(jobId);
  if (!job) throw new SmartResizeError('job_not_found', `There is no job ${jobId}.`);
  const target = parseTargetSize(size);
  const outputs = await context.store.outputs.listOutputs(jobId);
  const output = outputs.find((candidate) => candidate.target === `${target.width}x${target.height}`);
  if (!output) throw new SmartResizeError('invalid_size', `Job ${jobId} has no ${size} output (it has ${outputs.map((o) => o.target).join(', ') || 'none'}).`);
  const source = await loadSourceImage(job.sourcePath, { limitInputPixels: context.pixelLimit });
  const subjects = [...(await saliencySubjects(source.raw)), ...marksAsSubjects(marks, source.raw)];
  const { plan } = planComposition({ source: source.raw, subjects }, target);
  const upright = { width: source.probe.width, height: source.probe.height };
  const layout = layoutInSource(plan, source.raw, upright, context.profileOf(job).output.fill.style);
  // A fal recomposition gets a local layout now: the nudge path writes any output, given a window.
  const version = await nudgeOutput(context, jobId, output.path, layout.window, { allowFal: true });
  return { version, path: output.path };
}
