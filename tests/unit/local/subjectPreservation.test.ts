import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderLocalSizes } from '../../../electron/engine/local';
import { findObject, objectCutReason } from '../../support/images/objectInImage';
import { type SceneSpec, type SubjectScene, makeSubjectScene } from '../../support/images/subjectScene';

/** Every built-in preset size (Meta, IAB, YouTube, LinkedIn/X, Pinterest). */
const PRESET_SIZES = [
  [1080, 1080], [1080, 1350], [1080, 1920], [1200, 628],
  [300, 250], [728, 90], [160, 600], [300, 600], [970, 250], [320, 50],
  [1280, 720], [2560, 1440],
  [1200, 627], [1600, 900],
  [1000, 1500],
].map(([width, height]) => ({ width: width!, height: height! }));

/** Object placements as (centre x, centre y, size as a fraction of the short side, shape, width:height of a rect). */
const PLACEMENTS: Array<[number, number, number, SceneSpec['shape'], number]> = [
  [0.5, 0.5, 0.15, 'disc', 1],
  [0.75, 0.5, 0.4, 'rect', 0.8],
  [0.2, 0.22, 0.2, 'disc', 1],
  [0.82, 0.8, 0.18, 'rect', 1.5],
  [0.15, 0.5, 0.3, 'rect', 0.5],
];

/** Sources are small (the layout logic is scale-free) so the 15 sizes x many scenes run in seconds. */
const SOURCES: Array<[number, number]> = [[600, 400], [400, 600], [480, 480], [900, 300]];

/** Twelve scenes: each source shape with three placements, each placement on two or three source shapes. */
const SCENE_COUNT = 12;

function scenes(): SubjectScene[] {
  const all: SubjectScene[] = [];
  for (let index = 0; index < SCENE_COUNT; index += 1) {
    const [width, height] = SOURCES[index % SOURCES.length]!;
    const [centreX, centreY, size, shape, ratio] = PLACEMENTS[index % PLACEMENTS.length]!;
    const objectWidth = Math.round(size * Math.min(width, height));
    const objectHeight = shape === 'disc' ? objectWidth : Math.round(objectWidth / ratio);
    // Keep the object wholly inside the source with a small margin, so "touches the edge" means "was cut".
    const fit = (centre: number, extent: number, side: number): number => {
      const half = extent / 2 / side + 0.03;
      return Math.min(1 - half, Math.max(half, centre));
    };
    all.push(
      makeSubjectScene({
        width,
        height,
        centreX: fit(centreX, objectWidth, width),
        centreY: fit(centreY, objectHeight, height),
        objectWidth,
        objectHeight,
        shape,
        seed: index + 1,
      }),
    );
  }
  return all;
}

async function decode(bytes: Buffer): Promise<{ data: Buffer; width: number; height: number; channels: number }> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

describe('subject preservation over every preset size', () => {
  const cases = scenes();

  it('keeps the whole object in every output of the local engine', async () => {
    const failures: string[] = [];
    for (const scene of cases) {
      // The solid fill: the blur fill (and extend, far out) shows a blurred ghost of the object behind the picture by
      // design, which this colour-based check would take for the object itself. The fills have their own tests.
      const outputs = await renderLocalSizes(scene.raw, PRESET_SIZES, { format: 'jpeg', quality: 90, fill: { style: 'solid' } });
      for (const output of outputs) {
        expect([output.width, output.height]).toEqual([output.target.width, output.target.height]);
        const pixels = await decode(output.bytes);
        expect([pixels.width, pixels.height]).toEqual([output.target.width, output.target.height]);
        const reason = objectCutReason(findObject(pixels.data, pixels.width, pixels.height, pixels.channels), pixels.width, pixels.height, scene.spec);
        if (reason) failures.push(`${describeScene(scene)} -> ${output.width}x${output.height} (${output.method}): ${reason}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('catches cut objects: the same check fails a plain centre crop on some cases', async () => {
    let cut = 0;
    for (const scene of cases) {
      for (const size of PRESET_SIZES) {
        const { data, info } = await sharp(scene.raw.data, { raw: scene.raw })
          // Nearest neighbour: this is only a reference crop, and it keeps the scan's colours crisp and the test quick.
          .resize(size.width, size.height, { fit: 'cover', position: 'centre', kernel: 'nearest' })
          .raw()
          .toBuffer({ resolveWithObject: true });
        if (objectCutReason(findObject(data, info.width, info.height, info.channels), info.width, info.height, scene.spec)) cut += 1;
      }
    }
    expect(cut).toBeGreaterThan(cases.length);
  });
});

function describeScene(scene: SubjectScene): string {
  const { spec, object } = scene;
  return `${spec.width}x${spec.height} ${spec.shape} ${object.width}x${object.height} at ${object.left},${object.top}`;
}
