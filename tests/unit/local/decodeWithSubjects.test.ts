import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Detection, SubjectDetector } from '../../../electron/engine/composition/detection';
import type { RawImage } from '../../../electron/engine/decode/types';
import { decodeWithSubjects } from '../../../electron/engine/local/decodeWithSubjects';

/** A detector that records the pixels it was given and "finds" a face in the middle tenth of them. */
function recordingDetector(cached = false): { detector: SubjectDetector; seen: Array<{ width: number; height: number }> } {
  const seen: Array<{ width: number; height: number }> = [];
  const detect = async (raw: RawImage): Promise<Detection> => {
    seen.push({ width: raw.width, height: raw.height });
    const box = { left: raw.width * 0.45, top: raw.height * 0.45, width: raw.width * 0.1, height: raw.height * 0.1 };
    return { subjects: [{ kind: 'face', box, score: 0.9 }], notes: [], timings: {}, cached: false };
  };
  return { detector: { detect, isCached: () => cached } as unknown as SubjectDetector, seen };
}

describe('decodeWithSubjects', () => {
  let folder: string;
  /** A cheap picture with some structure: diagonal bands. */
  const bands = (width: number, height: number) => {
    const data = Buffer.alloc(width * height * 3);
    for (let index = 0; index < width * height; index += 1) data.fill(((index % width) + Math.floor(index / width)) % 256, index * 3, index * 3 + 3);
    return sharp(data, { raw: { width, height, channels: 3 } });
  };
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'decode-with-subjects-'));
    await bands(1600, 1000).jpeg().toFile(join(folder, 'big.jpg'));
    await bands(1600, 1000).png({ compressionLevel: 1 }).toFile(join(folder, 'big.png'));
    await bands(900, 600).jpeg().toFile(join(folder, 'small.jpg'));
    await writeFile(join(folder, 'broken.jpg'), (await bands(1600, 1000).jpeg().toBuffer()).subarray(0, 4000));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('detects a big JPEG on a small decode of its own, and gives the boxes in the full decode pixels', async () => {
    const { detector, seen } = recordingDetector();
    const { source, detection } = await decodeWithSubjects(join(folder, 'big.jpg'), { minScale: 0.8 }, { detector });
    expect(source.raw.width).toBe(1280);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.width).toBeLessThan(source.raw.width);
    expect(seen[0]!.width).toBeGreaterThanOrEqual(640);
    const face = detection.subjects.find((subject) => subject.kind === 'face')!;
    expect(face.box.left).toBeCloseTo(1280 * 0.45, 0);
    expect(face.box.width).toBeCloseTo(128, 0);
  });

  it('detects on the full decode when the format has no shrink-on-load, or the source is near the detection size', async () => {
    for (const [name, width] of [['big.png', 800], ['small.jpg', 900]] as const) {
      const { detector, seen } = recordingDetector();
      const { source } = await decodeWithSubjects(join(folder, name), { minScale: name === 'big.png' ? 0.5 : 1 }, { detector });
      expect(source.raw.width).toBe(width);
      expect(seen).toEqual([{ width, height: source.raw.height }]);
    }
  });

  it('decodes no thumbnail for content the detector has cached: the cache answers on the full decode', async () => {
    const { detector, seen } = recordingDetector(true);
    const { source } = await decodeWithSubjects(join(folder, 'big.jpg'), { minScale: 0.8 }, { detector, contentHash: 'known' });
    expect(seen).toEqual([{ width: source.raw.width, height: source.raw.height }]);
  });

  it('leaves a broken file to the full decode, which refuses it clearly', async () => {
    const { detector } = recordingDetector();
    await expect(decodeWithSubjects(join(folder, 'broken.jpg'), {}, { detector })).rejects.toMatchObject({ name: 'SmartResizeError' });
  });
});
