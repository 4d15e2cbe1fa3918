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
 * The constants of human's CenterNet (MobileNetV3 + CenterNet head, COCO) that follow from its 512 x 512 input: the
 * head's three upsampling sizes (input / 16, / 8, / 4, as height and width), the output grid's width (a cell's
 * index is row x width + column) and cell count. The network is otherwise fully convolutional, so with these set
 * for other multiples of 32 it runs on that input.
 */
function sizeConstants(width: number, height: number): Record<string, number[]> {
  return {
    'tower_0/CenternetHead/c5_upsample/up_sampling2d/mul': [height / 16, width / 16],
    'tower_0/CenternetHead/c4_upsample/up_sampling2d_1/mul': [height / 8, width / 8],
    'tower_0/CenternetHead/c3_upsample/up_sampling2d_2/mul': [height / 4, width / 4],
    'tower_0/BatchGather/concat': [(height / 4) * (width / 4), 4],
    'tower_0/strided_slice_6': [width / 4],
  };
}

const BYTES: Record<string, number> = { uint8: 1, uint16: 2, float16: 2 };

/**
 * human's shipped CenterNet (centernet.json + .bin in its models folder) set up for a `width` x `height` input
 * (square when only one side is given) instead of 512 x 512: the object model costs about its share of 512 x 512
 * pixels of the time. Throws when the files are not the expected model (a constant missing or of another shape),
 * rather than running a graph it does not understand.
 */
export async function centerNetArtifacts(modelsFolder: string, width: number, height = width): Promise<ModelArtifacts> {
  for (const side of [width, height]) if (side % 32 !== 0 || side <= 0) throw new Error(`CenterNet input ${side} is not a multiple of 32`);
  const json = JSON.parse(await readFile(join(modelsFolder, 'centernet.json'), 'utf8')) as {
    modelTopology: ModelArtifacts['modelTopology'];
    weightsManifest: Array<{ weights: WeightSpec[] }>;
    signature: ModelArtifacts['signature'];
    format?: string;
    generatedBy?: string;
    convertedBy?: string;
  };
  const weights = Buffer.from(await readFile(join(modelsFolder, 'centernet.bin')));
  const patches = sizeConstants(width, height);
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
  const inputShape = [1, height, width, 3].map((size) => ({ size: String(size) }));
  const modelTopology = structuredClone(json.modelTopology);
  for (const node of modelTopology.node) if (node.op === 'Placeholder' && node.attr.shape?.shape) node.attr.shape.shape.dim = inputShape;
  const signature = structuredClone(json.signature);
  for (const input of Object.values(signature.inputs)) input.tensorShape.dim = inputShape;
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length) as ArrayBuffer;
  return { modelTopology, weightSpecs: specs, weightData, signature, format: json.format, generatedBy: json.generatedBy, convertedBy: json.convertedBy };
}
