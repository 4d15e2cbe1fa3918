import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { centerNetArtifacts } from '../../../electron/engine/composition/detection/centerNetModel';
import { humanModelsFolder } from '../../../electron/engine/composition/detection/humanModels';
import { objectInputShape } from '../../../electron/engine/composition/detection/objectModel';

/** The int32 values of one named constant in the artifacts' weight buffer. */
function constant(artifacts: Awaited<ReturnType<typeof centerNetArtifacts>>, name: string): number[] {
  let offset = 0;
  for (const spec of artifacts.weightSpecs) {
    const count = spec.shape.reduce((product, size) => product * size, 1);
    if (spec.name === name) return Array.from(new Int32Array(artifacts.weightData, offset, count));
    offset += count * (spec.quantization ? { uint8: 1, uint16: 2, float16: 2 }[spec.quantization.dtype] : 4);
  }
  throw new Error(`no ${name}`);
}

describe('centerNetArtifacts (human\'s CenterNet at another input size)', () => {
  it('sets the input shape and the constants that follow from it, and nothing else', async () => {
    const original = await centerNetArtifacts(humanModelsFolder(), 512);
    const small = await centerNetArtifacts(humanModelsFolder(), 320);
    // At 512 the patched values are the shipped ones: the patch only restates them.
    expect(constant(original, 'tower_0/CenternetHead/c3_upsample/up_sampling2d_2/mul')).toEqual([128, 128]);
    expect(constant(original, 'tower_0/BatchGather/concat')).toEqual([16384, 4]);
    expect(constant(small, 'tower_0/CenternetHead/c5_upsample/up_sampling2d/mul')).toEqual([20, 20]);
    expect(constant(small, 'tower_0/CenternetHead/c4_upsample/up_sampling2d_1/mul')).toEqual([40, 40]);
    expect(constant(small, 'tower_0/CenternetHead/c3_upsample/up_sampling2d_2/mul')).toEqual([80, 80]);
    expect(constant(small, 'tower_0/BatchGather/concat')).toEqual([6400, 4]);
    expect(constant(small, 'tower_0/strided_slice_6')).toEqual([80]);
    expect(Object.values(small.signature.inputs)[0]!.tensorShape.dim.map((dim) => dim.size)).toEqual(['1', '320', '320', '3']);
    const differing = new Uint8Array(original.weightData).reduce((count, byte, index) => count + (byte === new Uint8Array(small.weightData)[index] ? 0 : 1), 0);
    expect(differing).toBeGreaterThan(0);
    expect(differing).toBeLessThanOrEqual(9 * 4);
  });

  it('takes a wide input: upsampling sizes as height and width, the grid width (a cell is row x width + column)', async () => {
    const wide = await centerNetArtifacts(humanModelsFolder(), 384, 256);
    expect(constant(wide, 'tower_0/CenternetHead/c5_upsample/up_sampling2d/mul')).toEqual([16, 24]);
    expect(constant(wide, 'tower_0/CenternetHead/c4_upsample/up_sampling2d_1/mul')).toEqual([32, 48]);
    expect(constant(wide, 'tower_0/CenternetHead/c3_upsample/up_sampling2d_2/mul')).toEqual([64, 96]);
    expect(constant(wide, 'tower_0/BatchGather/concat')).toEqual([64 * 96, 4]);
    expect(constant(wide, 'tower_0/strided_slice_6')).toEqual([96]);
    expect(Object.values(wide.signature.inputs)[0]!.tensorShape.dim.map((dim) => dim.size)).toEqual(['1', '256', '384', '3']);
  });

  it('sizes the input to the image: the long side 352, the short one in proportion, rounded up to 32', () => {
    expect(objectInputShape({ width: 640, height: 427 })).toEqual({ width: 352, height: 256 });
    expect(objectInputShape({ width: 427, height: 640 })).toEqual({ width: 256, height: 352 });
    expect(objectInputShape({ width: 640, height: 360 })).toEqual({ width: 352, height: 224 });
    expect(objectInputShape({ width: 640, height: 640 })).toEqual({ width: 352, height: 352 });
    expect(objectInputShape({ width: 640, height: 20 })).toEqual({ width: 352, height: 32 });
    // Another side on request (bench:local's BENCH_OBJECT_SIDE): 384 as before.
    expect(objectInputShape({ width: 640, height: 427 }, 384)).toEqual({ width: 384, height: 288 });
  });

  it('refuses a size the network cannot take, and files that are not the expected model', async () => {
    await expect(centerNetArtifacts(humanModelsFolder(), 300)).rejects.toThrow(/multiple of 32/);
    const folder = await mkdtemp(join(tmpdir(), 'centernet-'));
    try {
      const manifest = [{ weights: [{ name: 'tower_0/strided_slice_6', shape: [1], dtype: 'int32' }] }];
      await writeFile(join(folder, 'centernet.json'), JSON.stringify({ modelTopology: { node: [] }, weightsManifest: manifest, signature: { inputs: {} } }));
      await writeFile(join(folder, 'centernet.bin'), Buffer.alloc(4));
      await expect(centerNetArtifacts(folder, 320)).rejects.toThrow(/not as expected/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
