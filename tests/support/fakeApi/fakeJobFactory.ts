import type { JobDetail, JobState, Profile } from '../../../electron/shared';
import { FINISHED_JOB_STATES } from '../../../electron/domain/jobStates';

/** What a seeded or enqueued fake job needs to know. */
export interface FakeJobSpec {
  id: string;
  sourcePath: string;
  profile: Profile;
  folderId: string | null;
  state: JobState;
  createdAt: number;
  progress?: number;
  provider?: 'fal' | 'local';
  error?: { code: string; message: string };
}

/** The output folder the engine's default template gives: `<parent>/<folder>-<W>x<H>/<name>.<ext>`. */
function fakeOutputPath(sourcePath: string, width: number, height: number, extension: string): string {
  const slash = sourcePath.lastIndexOf('/');
  const folder = sourcePath.slice(0, slash);
  const name = sourcePath.slice(slash + 1).replace(/\.[^.]+$/, '');
  return `${folder}-${width}x${height}/${name}.${extension}`;
}

/** The outputs and fal cost (5 cents per request, 15 per image, 30 per 4K image) of a finished job. */
export function finishFakeJob(job: JobDetail, profile: Profile, finishedAt: number): void {
  const extension = profile.output.format === 'jpeg' ? 'jpg' : profile.output.format;
  job.outputs = profile.sizes.map((size) => {
    const provider = size.policy === 'local' || (size.policy === 'auto' && size.width === size.height) ? 'local' : 'fal';
    const tier = provider === 'local' ? null : size.width > 2048 || size.height > 2048 ? ('4K' as const) : ('1K' as const);
    return { path: fakeOutputPath(job.sourcePath, size.width, size.height, extension), width: size.width, height: size.height, target: `${size.width}x${size.height}`, provider, tier, askedForFal: false, layout: null };
  });
  const falOutputs = job.outputs.filter((output) => output.provider === 'fal');
  const providers = new Set(job.outputs.map((output) => output.provider));
  job.provider = providers.size > 1 ? 'mixed' : (job.outputs[0]?.provider ?? 'local');
  job.costCents = falOutputs.length === 0 ? null : 5 + falOutputs.reduce((sum, output) => sum + (output.tier === '4K' ? 30 : 15), 0);
  if (falOutputs.length > 0) job.falRequestIds = [`req_${job.id.slice(4)}`];
  job.state = 'done';
  job.progress = 1;
  job.finishedAt = finishedAt;
  job.updatedAt = finishedAt;
  job.tookMs = job.startedAt === null ? null : finishedAt - job.startedAt;
  job.log.push({ at: finishedAt, state: 'done', message: 'All outputs written.' });
}

/** A job row as the store would hold it in the given state. */
export function makeFakeJob(spec: FakeJobSpec): JobDetail {
  const name = spec.sourcePath.slice(spec.sourcePath.lastIndexOf('/') + 1);
  const started = spec.state === 'queued' ? null : spec.createdAt + 1500;
  const job: JobDetail = {
    id: spec.id,
    state: spec.state,
    sourcePath: spec.sourcePath,
    sourceName: name,
    profileId: spec.profile.id,
    profileVersion: spec.profile.version,
    folderId: spec.folderId,
    provider: spec.state === 'queued' ? null : (spec.provider ?? 'fal'),
    progress: spec.progress ?? 0,
    attempts: spec.state === 'queued' ? 0 : 1,
    error: spec.error ?? null,
    createdAt: spec.createdAt,
    startedAt: started,
    finishedAt: null,
    updatedAt: started ?? spec.createdAt,
    retryAt: spec.state === 'retry_scheduled' ? spec.createdAt + 4 * 60_000 : null,
    outputs: [],
    costCents: null,
    falRequestIds: [],
    log: [{ at: spec.createdAt, state: 'queued', message: 'Waiting for its turn.' }],
    attemptsMade: spec.state === 'queued' ? 0 : 1,
    tookMs: null,
    missingOutputs: [],
    source: null,
  };
  if (spec.state === 'done') finishFakeJob(job, spec.profile, spec.createdAt + 9000 + (spec.createdAt % 7000));
  else if (FINISHED_JOB_STATES.includes(spec.state)) {
    job.finishedAt = spec.createdAt + 6000;
    job.log.push({ at: job.finishedAt, state: spec.state, message: spec.error?.message ?? 'Cancelled.' });
  }
  return job;
}
