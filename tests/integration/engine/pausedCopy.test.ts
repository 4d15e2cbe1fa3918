import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { makeTestJpeg } from '../../support/engine/testImages';

// Issue 10 item 19: a copy into a watched folder that pauses longer than the settle time (a slow network copy).
// Before the fix it became two jobs: the half file failed `truncated_image` and stayed in History beside the good
// one. A file that was still growing when it failed as truncated is taken once, when it is complete.

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('a copy that pauses mid-file', () => {
  it('is one job, done with the whole file, not a truncated failure beside it', async () => {
    harness = await startEngineHarness({
      profile: { name: 'Small local', sizes: [{ width: 200, height: 200, policy: 'local' }], output: { format: 'jpeg', quality: 80 } },
    });
    const h = harness;
    const bytes = await makeTestJpeg(21, 800, 600);
    const path = join(h.watched, 'slow copy.jpg');
    const half = Math.floor(bytes.length / 2);
    await writeFile(path, bytes.subarray(0, half));
    // The pause outlasts the settle time: the half file is taken and fails as truncated.
    await h.waitForJob('slow copy.jpg', ['failed']);

    await appendFile(path, bytes.subarray(half));
    const done = await h.waitForJob('slow copy.jpg', ['done']);
    expect(done.sourceSize).toBe(bytes.length);
    const jobs = (await h.jobs()).filter((job) => job.sourcePath === path);
    expect(jobs.map((job) => job.state)).toEqual(['done']);
    expect((await h.eventsOf(done.id, 'job_state')).map((event) => event.data['reason'])).toContain('the file was still being copied when it was read; taken again now that it is complete');
  });
});
