import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Detection, SubjectDetector } from '../../../electron/engine/composition/detection';
import type { RawImage } from '../../../electron/engine/decode/types';
import { startHeadlessServer } from '../../../electron/server/headless/startHeadlessServer';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { writeTestJpeg } from '../../support/engine/testImages';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A detector that records the pixels each detection was given and whether it was warmed, and finds nothing. */
function recordingDetector(): { detector: SubjectDetector; seen: Array<{ width: number; height: number }>; warmed: () => number } {
  const seen: Array<{ width: number; height: number }> = [];
  let warmUps = 0;
  const detector = {
    detect: async (raw: RawImage): Promise<Detection> => {
      seen.push({ width: raw.width, height: raw.height });
      return { subjects: [], notes: [], timings: {}, cached: false };
    },
    isCached: () => false,
    warmUp: async () => {
      warmUps += 1;
    },
    close: async () => undefined,
  };
  return { detector: detector as unknown as SubjectDetector, seen, warmed: () => warmUps };
}

describe("the job runner's local path", () => {
  it('detects a big JPEG on a shrink-on-load thumbnail decoded beside the full image, not on the full decode', async () => {
    const { detector, seen } = recordingDetector();
    harness = await startEngineHarness({
      profile: { name: 'Local', sizes: [{ width: 1080, height: 1080, policy: 'local' }], output: { format: 'jpeg' } },
      engine: { detector },
    });
    await writeTestJpeg(join(harness.watched, 'big.jpg'), 3, 4000, 3000);
    const job = await harness.waitForJob('big.jpg', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');
    // One detection, on a thumbnail near the detector's own 640 px (before, on the full 4000x3000 decode).
    expect(seen).toHaveLength(1);
    expect(Math.max(seen[0]!.width, seen[0]!.height)).toBeLessThanOrEqual(1000);
  });
});

describe('the detection models at engine start', () => {
  it('load at start() when the host asks (serve, desktop, watch), and not in an engine that did not ask', async () => {
    const asked = recordingDetector();
    harness = await startEngineHarness({ engine: { detector: asked.detector, warmDetector: true } });
    expect(asked.warmed()).toBe(1);
    await harness.close();
    harness = undefined;

    const quiet = recordingDetector();
    harness = await startEngineHarness({ engine: { detector: quiet.detector } });
    expect(quiet.warmed()).toBe(0);
  });

  it('are asked for by the headless host at start', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sr-warm-'));
    const { detector, warmed } = recordingDetector();
    const fetchStub = async () => new Response(null, { status: 204 });
    const server = await startHeadlessServer({ engine: { dataDir: join(root, 'data'), env: {}, detector, fetch: fetchStub as unknown as typeof fetch }, homeDir: root, rendererDir: root });
    try {
      expect(warmed()).toBe(1);
    } finally {
      await server.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
