import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Confidence below which a face or object box is ignored: lower ones are mostly texture that looks like one. */
const MIN_FACE_SCORE = 0.5;
const MIN_OBJECT_SCORE = 0.35;

/** The parts of @vladmandic/human the workers use: its TensorFlow.js build (its own types pull in the DOM). */
export interface HumanLike {
  load(): Promise<void>;
  tf: TfLike;
}

/** A tensor, as far as this worker handles one. */
export interface TensorLike {
  dispose(): void;
  array(): Promise<unknown>;
  data(): Promise<ArrayLike<number>>;
}

/** The parts of TensorFlow.js (human's own WASM build of it) this worker uses. */
interface TfLike {
  tensor4d(values: Int32Array | Float32Array, shape: [number, number, number, number], dtype: 'int32' | 'float32'): TensorLike;
  tensor2d(values: number[][], shape: [number, number], dtype: 'float32'): TensorLike;
  tensor1d(values: number[], dtype: 'float32'): TensorLike;
  sub(a: TensorLike, b: number): TensorLike;
  div(a: TensorLike, b: number): TensorLike;
  image: {
    resizeBilinear(image: TensorLike, size: [number, number]): TensorLike;
    nonMaxSuppressionAsync(boxes: TensorLike, scores: TensorLike, maxOutput: number, iouThreshold: number, scoreThreshold: number): Promise<TensorLike>;
  };
  io: { fromMemory(artifacts: object): unknown };
  loadGraphModel(handler: unknown): Promise<{ execute(input: TensorLike, outputs: string[] | undefined): TensorLike; dispose(): void }>;
}

/** human's models folder: the model files ship inside the npm package. */
export function humanModelsFolder(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@vladmandic/human')), '..', 'models');
}

/**
 * Node's fetch reads no file:// URLs, and human and the tfjs WASM backend fetch their model and WASM files. In
 * this worker (and only here: it is its own global scope) fetch learns to read them from disk; nothing else in the
 * worker fetches, and other URLs go to the original fetch.
 */
function fetchFilesFromDisk(): void {
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file://')) return original(input, init);
    const bytes = await readFile(fileURLToPath(url));
    const type = url.endsWith('.json') ? 'application/json' : url.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
    return new Response(bytes, { status: 200, headers: { 'content-type': type } });
  }) as typeof fetch;
}

/** Which of human's models one worker loads: faces (BlazeFace), objects (CenterNet), or both. */
export interface ModelChoice {
  readonly faces: boolean;
  readonly objects: boolean;
}

/**
 * Loads human's WASM build with BlazeFace and/or CenterNet only, models from the package's own folder (shipped in
 * the npm package: nothing is downloaded). Throws when a model or the WASM backend cannot be loaded.
 */
export async function loadHuman(choice: ModelChoice): Promise<HumanLike> {
  fetchFilesFromDisk();
  const require = createRequire(import.meta.url);
  // The package's "exports" map names no subpaths, so its WASM build is reached by path from the main entry.
  const humanDist = dirname(require.resolve('@vladmandic/human'));
  const wasmDist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  const { Human } = require(join(humanDist, 'human.node-wasm.js')) as { Human: new (config: object) => HumanLike };
  const human = new Human({
    backend: 'wasm',
    wasmPath: `${pathToFileURL(wasmDist).href}/`,
    modelBasePath: `${pathToFileURL(humanModelsFolder()).href}/`,
    debug: false,
    async: true,
    warmup: 'none',
    cacheSensitivity: 0,
    filter: { enabled: false },
    face: {
      enabled: choice.faces,
      detector: { rotation: false, maxDetected: 20, minConfidence: MIN_FACE_SCORE, return: false },
      mesh: { enabled: false },
      iris: { enabled: false },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
    object: { enabled: choice.objects, minConfidence: MIN_OBJECT_SCORE, maxDetected: 10 },
  });
  await human.load();
  return human;
}
