import { mkdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { outputProblems } from '../../support/engine/outputChecks';
import { uploadNameFor, writeTestJpeg } from '../../support/engine/testImages';
import { sha256 } from '../../support/fakeFal';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('fal rejecting an image, or returning the wrong size', () => {
  it('fails 422s with fal\'s own reason text and corrects a wrong-sized output to the exact size', async () => {
    harness = await startEngineHarness({ settings: { concurrency: 3 } });
    const { fake, watched, root, store } = harness;
    mkdirSync(join(root, 'staging'));
    const key = async (name: string, seed: number) => uploadNameFor(sha256(await writeTestJpeg(join(root, 'staging', name), seed)));
    fake.failNextJob({ kind: 'error', type: 'content_policy_violation' }, { imageKey: await key('flagged.jpg', 500) });
    fake.failNextJob({ kind: 'error', type: 'image_too_large' }, { imageKey: await key('huge.jpg', 501) });
    fake.failNextJob({ kind: 'wrongSize' }, { imageKey: await key('off-size.jpg', 502) });
    await Promise.all(['flagged.jpg', 'huge.jpg', 'off-size.jpg'].map((name) => rename(join(root, 'staging', name), join(watched, name))));
    await harness.waitForJobs(3, ['done', 'failed']);
    const byName = new Map((await harness.jobs()).map((job) => [job.sourceName, job]));

    const rejections = [
      ['flagged.jpg', 'content_policy_violation', 'flagged by a content checker'],
      ['huge.jpg', 'image_too_large', 'Image dimensions are too large'],
    ] as const;
    for (const [name, type, falText] of rejections) {
      const job = byName.get(name)!;
      expect(job.state, name).toBe('failed');
      expect(job.errorCode, name).toBe(type);
      expect(job.errorMessage, name).toContain(falText);
      expect(job.errorMessage, name).not.toMatch(/Unprocessable Entity/i);
      // A permanent refusal is not retried: one request, marked failed, no outputs.
      expect(job.attempts, name).toBe(0);
      expect(harness.submitsOf(job), name).toHaveLength(1);
      expect((await store.requests.listRequests(job.id)).map((request) => request.state), name).toEqual(['failed']);
      expect(await store.outputs.listOutputs(job.id), name).toEqual([]);
    }

    const corrected = byName.get('off-size.jpg')!;
    expect(corrected.state, corrected.errorMessage ?? '').toBe('done');
    // The fake really served a file of the wrong size for the first target...
    const [request] = await store.requests.listRequests(corrected.id);
    const served = fake.job(request!.requestId)!.outputUrls[0]!;
    const servedMeta = await sharp(Buffer.from(await (await fetch(served)).arrayBuffer())).metadata();
    expect(`${servedMeta.width}x${servedMeta.height}`).not.toBe('1080x1080');
    // ...and what was written is exactly the size asked for.
    const outputs = await store.outputs.listOutputs(corrected.id);
    expect(outputs.map((output) => output.target).sort()).toEqual(['1080x1080', '1200x628']);
    expect(await outputProblems(outputs)).toEqual([]);
  });
});
