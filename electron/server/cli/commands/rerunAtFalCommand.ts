import { formatCents } from '../../../engine/pricing';
import { Engine } from '../../../engine/runtime/engine';
import { SmartResizeError } from '../../../domain/errors';
import { parseTargetSize, formatTargetSize } from '../../../domain/sizes/targetSize';
import { headlessHostServices } from '../../headless/headlessHostServices';

/**
 * `smart-resize rerun JOB --size WxH --provider fal`: the app's re-run at fal of one size, through the same API verbs
 * on the app's store: its price (the pricing module's, what the ledger records for a known tier) goes to stderr
 * before anything is sent, then the job runner's fal path makes it (budget caps, one request charged once, a new
 * version at the same path). Refused with the reason when fal cannot take it now (no key, a cap, the job not done).
 */
export async function rerunAtFal(dataDir: string, jobId: string, size: string, json: boolean): Promise<void> {
  const engine = new Engine({ dataDir });
  try {
    const api = engine.api(headlessHostServices());
    const target = formatTargetSize(parseTargetSize(size));
    const detail = await api.jobs.detail({ id: jobId });
    const output = detail.outputs.find((candidate) => candidate.target === target);
    if (!output) throw new SmartResizeError('invalid_size', `Job ${jobId} has no ${size} output (it has ${[...new Set(detail.outputs.map((o) => o.target))].join(', ') || 'none'}).`);
    const offer = await api.review.falRerunOffer({ jobId, path: output.path });
    if (offer.reason) throw new SmartResizeError('invalid_query', `${target} of job ${jobId} cannot be re-run at fal: ${offer.reason}`);
    const { minCents, maxCents, reason } = offer.quote!;
    const why = reason ? `; ${reason}` : '';
    process.stderr.write(`Sending ${target} of job ${jobId} to fal: ${minCents === maxCents ? formatCents(maxCents) : `${formatCents(minCents)} to ${formatCents(maxCents)}`} (one request${why}).\n`);
    const made = await api.review.rerunFal({ jobId, path: output.path });
    const line = { job: jobId, size: target, path: output.path, version: made.version, provider: made.provider, tier: made.tier, bytes: made.bytes, costCents: made.costCents, requestId: made.requestId };
    process.stdout.write(json ? `${JSON.stringify(line)}\n` : `${target} of job ${jobId} made again at fal for ${formatCents(made.costCents)} (request ${made.requestId}): version ${made.version} at ${output.path}\n`);
  } finally {
    await engine.stop();
  }
}
