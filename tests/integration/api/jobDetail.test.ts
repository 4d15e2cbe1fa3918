import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JOB_STATE_LABELS } from '../../../electron/domain/jobStateWords';
import type { HostServices } from '../../../electron/engine/api/hostServices';
import type { ProfileInput } from '../../../electron/engine/profiles';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { JobDetail, VerbCallInput, VerbName, VerbOutput } from '../../../electron/shared';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { untilEngine } from '../../support/engine/engineWaits';
import { sha256 } from '../../support/fakeFal';
import { uploadNameFor, writeTestJpeg } from '../../support/engine/testImages';

// What History's job detail says about a job, through the contract (jobs.detail) with the real engine, a fal key
// set and the fake fal: who made it, what it cost, how many tries and how long, which outputs it really has.

const host: HostServices = { openPath: async () => undefined, revealPath: async () => undefined, pickFolder: async () => null, keyStorage: 'plaintext-fallback' };

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(profile: ProfileInput, processingMs = 100) {
  harness = await startEngineHarness({ profile, fakeOptions: { latency: { processingMs, concurrency: 2 } } });
  const h = harness;
  const api = h.engine.api(host);
  const call = async <V extends VerbName>(verb: V, input?: VerbCallInput<V>): Promise<VerbOutput<V>> => {
    const result = await dispatchCall(api, verb, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as VerbOutput<V>;
  };
  const detailIn = (id: string, states: readonly string[]) =>
    untilEngine(h.engine, async () => {
      const detail = await call('jobs.detail', { id });
      return states.includes(detail.state) ? detail : undefined;
    }, { what: `job ${id} in ${states.join('/')}` });
  const drop = async (name: string, seed: number) => {
    const path = join(h.root, name);
    await writeTestJpeg(path, seed);
    const { jobIds } = await call('jobs.enqueuePaths', { paths: [path], profileId: h.profile.id });
    return { path, id: jobIds[0]! };
  };
  return { h, call, detailIn, drop };
}

/** Log lines as the detail shows them: the state's words, then the message. */
const logLines = (detail: JobDetail) => detail.log.map((entry) => `${JOB_STATE_LABELS[entry.state]} ${entry.message}`);

describe('the job detail', () => {
  it('says an all-local job run while a key is set was made by the local engine and cost nothing', async () => {
    // `auto` sizes whose cover crop keeps the whole 4:3 source: the job is recorded "mixed", and runs all local.
    const { h, detailIn, drop } = await start({
      name: 'Auto crops',
      sizes: [{ width: 320, height: 240, policy: 'auto' }, { width: 400, height: 300, policy: 'auto' }],
      output: { format: 'jpeg', quality: 80 },
    });
    const { id } = await drop('landscape.jpg', 3);
    const detail = await detailIn(id, ['done', 'failed']);
    expect(detail.state).toBe('done');
    expect(h.fake.countSubmits()).toBe(0);
    expect(detail.outputs.map((output) => output.provider)).toEqual(['local', 'local']);
    expect(detail.provider).toBe('local');
    expect(detail.costCents).toBeNull();
  });

  it('after a retry counts both tries, times only the last round, and writes sentences in the log', async () => {
    const { h, call, detailIn } = await start({ name: 'Fal only', sizes: [{ width: 1080, height: 1080, policy: 'fal' }], output: { format: 'jpeg', quality: 80 } });
    const path = join(h.root, 'flagged.jpg');
    h.fake.failNextJob({ kind: 'error', type: 'content_policy_violation' }, { imageKey: uploadNameFor(sha256(await writeTestJpeg(path, 7))) });
    const { jobIds } = await call('jobs.enqueuePaths', { paths: [path], profileId: h.profile.id });
    const id = jobIds[0]!;
    const failed = await detailIn(id, ['failed', 'done']);
    expect(failed.state).toBe('failed');
    expect(failed.attemptsMade).toBe(1);
    const retriedAt = Date.now();
    await call('jobs.retry', { id });
    const done = await detailIn(id, ['done', 'failed']);
    expect(done.state).toBe('done');
    expect(done.attemptsMade).toBe(2);
    expect(done.tookMs).not.toBeNull();
    expect(done.tookMs!).toBeLessThanOrEqual(done.finishedAt! - retriedAt);
    // The first round (decode, upload, fal's run, the refusal) is not in it.
    expect(done.tookMs!).toBeLessThan(done.finishedAt! - failed.startedAt!);

    const lines = logLines(done);
    expect(lines.some((line) => /^Queued You asked for a retry\.$/.test(line))).toBe(true);
    expect(lines.at(-1)).toBe('Done All outputs written.');
    for (const line of lines) expect(line, `log line "${line}"`).not.toMatch(/^(\w+)(?: \w+)* \1\b/i);
    expect(lines).toContain(`At fal Sent to fal as request ${done.falRequestIds.at(-1)}.`);
    // No state in code (fal's own error type, in brackets after its reason, is fal's word and stays).
    expect(lines.join('\n')).not.toMatch(/job state|\b(?:waiting_network|waiting_budget|retry_scheduled)\b/);

    // The same image again with the same profile: said in a sentence, not in code.
    const again = await call('jobs.enqueuePaths', { paths: [path], profileId: h.profile.id });
    expect(again.jobIds).toEqual([]);
    expect(again.skipped[0]?.reason).toMatch(/^This image was already made with this version of the profile/);
    expect(again.skipped[0]?.reason).not.toMatch(/job state|done\)/);
  });

  it('lists only the outputs a cancelled job has, and says which ones are gone from disk', async () => {
    // fal takes long: the local size is written, the fal one is still running when the job is cancelled.
    const { call, detailIn, drop } = await start(
      { name: 'Half local', sizes: [{ width: 300, height: 300, policy: 'local' }, { width: 1080, height: 1080, policy: 'fal' }], output: { format: 'jpeg', quality: 80 } },
      60_000,
    );
    const { id } = await drop('cancel-me.jpg', 11);
    await untilEngine(harness!.engine, async () => {
      const detail = await call('jobs.detail', { id });
      return detail.state === 'submitted' && detail.outputs.length === 1 ? true : undefined;
    }, { what: 'the local output written while fal works' });
    await call('jobs.cancel', { id });
    const cancelled = await detailIn(id, ['cancelled']);
    expect(cancelled.outputs.map((output) => output.target)).toEqual(['300x300']);
    expect(cancelled.missingOutputs).toEqual([]);
    rmSync(cancelled.outputs[0]!.path);
    const later = await call('jobs.detail', { id });
    expect(later.missingOutputs).toEqual([cancelled.outputs[0]!.path]);
  });
});
