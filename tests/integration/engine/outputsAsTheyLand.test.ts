import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { writeTestJpeg } from '../../support/engine/testImages';

// Issue 10 item 20: a job that failed while writing had 2 outputs on disk and none recorded until a retry adopted
// them. Each output is recorded as it lands, so History lists what is on disk even when a later one fails.

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('outputs of a job that fails while writing', () => {
  it('are recorded one by one: the two written before the failure are in the job', async () => {
    harness = await startEngineHarness({
      profile: {
        name: 'Three local',
        sizes: [{ width: 100, height: 100, policy: 'local' }, { width: 120, height: 90, policy: 'local' }, { width: 90, height: 120, policy: 'local' }],
        output: { format: 'jpeg', quality: 80 },
      },
    });
    const h = harness;
    // The third size's output folder cannot be made: a file sits where it would go.
    writeFileSync(join(h.root, 'photos-90x120'), 'not a folder');
    await writeTestJpeg(join(h.watched, 'three.jpg'), 31);
    const job = await h.waitForJob('three.jpg', ['failed', 'retry_scheduled']);
    const outputs = await h.store.outputs.listOutputs(job.id);
    expect(outputs.map((output) => output.target).sort()).toEqual(['100x100', '120x90']);
    expect(outputs.every((output) => existsSync(output.path))).toBe(true);
  });
});
