import { SmartResizeError } from '../../domain/errors';
import type { FillStyleName, SourceBox } from '../../domain/outputLayout';
import { parseTargetSize, type TargetSize } from '../../domain/sizes/targetSize';
import { marksOfSource } from '../composition/marks';
import { planComposition } from '../composition/planner';
import { saliencySubjects } from '../composition/saliencySubject';
import { marksAsSubjects } from '../composition/userMarks';
import { loadSourceImage } from '../decode';
import type { OutputVersionRecord } from '../store';
import { nudgeOutput, type FixContext } from './fixOutput';
import { layoutInSource } from './layoutInSource';

/** The method a person switches one size to: the best cover crop, or the whole source padded (in a fill style). */
export interface MethodChoice {
  readonly method: 'crop' | 'pad';
  /** The padded part's style; default the output's current fill, else the profile's. */
  readonly fill?: FillStyleName;
}

/**
 * Makes one output again with the local engine (free, at once) by another method: `crop` lays out the best cover
 * crop for the source's saliency and its marks, `pad` shows the whole source centred with the rest filled. Written
 * like a nudge (atomically at the same path, a new version with cause `method`, the others untouched); a fal-made
 * size becomes a local one.
 */
export async function switchOutputMethod(context: FixContext, jobId: string, path: string, choice: MethodChoice): Promise<OutputVersionRecord> {
  const job = await context.store.jobs.getJob(jobId);
  if (!job) throw new SmartResizeError('job_not_found', `There is no job ${jobId}.`);
  const output = (await context.store.outputs.listOutputs(jobId)).find((candidate) => candidate.path === path);
  if (!output) throw new SmartResizeError('path_not_allowed', `${path} is not an output of this job.`);
  const target = parseTargetSize(output.target);
  const source = await loadSourceImage(job.sourcePath, { limitInputPixels: context.pixelLimit });
  const upright = { width: source.probe.width, height: source.probe.height };
  let window: SourceBox;
  if (choice.method === 'pad') {
    window = containWindow(upright, target);
  } else {
    const { marks } = await marksOfSource(context.store.marks, job.contentHash, job.sourcePath);
    const subjects = [...(await saliencySubjects(source.raw)), ...marksAsSubjects(marks, source.raw)];
    const { plan } = planComposition({ source: source.raw, subjects, cropOnly: true }, target);
    window = layoutInSource(plan, source.raw, upright, 'blur').window;
  }
  const fill = choice.fill ?? output.layout?.fill ?? undefined;
  return nudgeOutput(context, jobId, path, window, { allowFal: true, cause: 'method', ...(fill ? { fill } : {}) });
}

/** The window of the target's shape that holds the whole source, centred: a pad. */
function containWindow(source: { width: number; height: number }, target: TargetSize): SourceBox {
  const aspect = target.width / target.height;
  const width = Math.max(source.width, source.height * aspect);
  const height = width / aspect;
  return { left: (source.width - width) / 2, top: (source.height - height) / 2, width, height };
}
