import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One entry of a TensorFlow.js weights manifest (the parts read here). */
interface WeightSpec {
  readonly name: string;
  readonly shape: number[];
  readonly dtype: string;
  readonly quantization?: { readonly dtype: 'uint8' | 'uint16' | 'float16' };
}

/** A TensorFlow.js graph model as files hold it, ready for `tf.io.fromMemory`. */
export interface ModelArtifacts {
  readonly modelTopology: { node: Array<{ op: string; attr: Record<string, { shape?: { dim: Array<{ size: string }> } }> }> };
  readonly weightSpecs: WeightSpec[];
  readonly weightData: ArrayBuffer;
  readonly signature: { inputs: Record<string, { tensorShape: { dim: Array<{ size: string }> } }> };
  readonly format?: string;
  readonly generatedBy?: string;
  readonly convertedBy?: string;
}

/**
 * The constants of human's CenterNet (MobileNetV3 + CenterNet head, COCO) that follow from its 512 px input: the
 * head's three upsampling sizes (input / 16, / 8, / 4), the output grid's width and cell count. The network is
 * otherwise fully convolutional, so with these set for another multiple of 32 it runs on that input.
 */
function sizeConstants(side: number): Record<string, number[]> {
  const grid = side / 4;
  return {
    'tower_0/CenternetHead/c5_upsample/up_sampling2d/mul': [side / 16, side / 16],
    'tower_0/CenternetHead/c4_upsample/up_sampling2d_1/mul': [side / 8, side / 8],
    'tower_0/CenternetHead/c3_upsample/up_sampling2d_2/mul': [grid, grid],
    'tower_0/BatchGather/concat': [grid * grid, 4],
    'tower_0/strided_slice_6': [grid],
  };
}

const BYTES: Record<string, number> = { uint8: 1, uint16: 2, float16: 2 };

/**
 * human's shipped CenterNet (centernet.json + .bin in its models folder) set up for a `side` x `side` input
 * instead of 512 x 512: the object model costs about (side / 512)^2 of its time. Throws when the files are not the
 * expected model (a constant missing or of another shape), rather than running a graph it does not understand.
 */
export async function centerNetArtifacts(modelsFolder: string, side: number): Promise<ModelArtifacts> {
  if (side % 32 !== 0) throw new Error(`CenterNet input ${side} is not a multiple of 32`);
  const json = JSON.parse(await readFile(join(modelsFolder, 'centernet.json'), 'utf8')) as {
    modelTopology: ModelArtifacts['modelTopology'];
    weightsManifest: Array<{ weights: WeightSpec[] }>;
    signature: ModelArtifacts['signature'];
    format?: string;
    generatedBy?: string;
    convertedBy?: string;
  };
  const weights = Buffer.from(await readFile(join(modelsFolder, 'centernet.bin')));
  const patches = sizeConstants(side);
  const specs = json.weightsManifest.flatMap((group) => group.weights);
  let offset = 0;
  for (const spec of specs) {
    const count = spec.shape.reduce((product, size) => product * size, 1);
    const patch = patches[spec.name];
    if (patch) {
      if (spec.dtype !== 'int32' || spec.quantization || count !== patch.length) throw new Error(`CenterNet constant ${spec.name} is not as expected`);
      patch.forEach((value, index) => weights.writeInt32LE(value, offset + 4 * index));
      delete patches[spec.name];
    }
    offset += count * (spec.quantization ? BYTES[spec.quantization.dtype]! : 4);
  }
  const missing = Object.keys(patches);
  if (missing.length > 0 || offset !== weights.length) throw new Error(`CenterNet weights are not as expected (${missing.join(', ') || 'size'})`);
  const inputShape = [1, side, side, 3].map((size) => ({ size: String(size) }));
  const modelTopology = structuredClone(json.modelTopology);
  for (const node of modelTopology.node) if (node.op === 'Placeholder' && node.attr.shape?.shape) node.attr.shape.shape.dim = inputShape;
  const signature = structuredClone(json.signature);
  for (const input of Object.values(signature.inputs)) input.tensorShape.dim = inputShape;
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length) as ArrayBuffer;
  return { modelTopology, weightSpecs: specs, weightData, signature, format: json.format, generatedBy: json.generatedBy, convertedBy: json.convertedBy };
}
