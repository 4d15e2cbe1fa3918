import type { WorkerImage } from './detectionProtocol';
import type { HumanLike } from './humanModels';

type Tf = HumanLike['tf'];

/**
 * A model's input: the image's RGB (any alpha dropped) as a float tensor, resized bilinearly to width x height
 * (square when only one side is given), the way BlazeFace and CenterNet both take it. The full-size tensor is
 * freed here; the caller frees the one returned.
 */
export function resizedRgbInput(tf: Tf, image: WorkerImage, width: number, height = width): ReturnType<Tf['image']['resizeBilinear']> {
  const pixels = image.channels === 3 ? new Float32Array(image.data) : rgbOf(image);
  const input = tf.tensor4d(pixels, [1, image.height, image.width, 3], 'float32');
  try {
    return tf.image.resizeBilinear(input, [height, width]);
  } finally {
    input.dispose();
  }
}

/** The RGB of an image with alpha, as floats (the alpha dropped). RGB images convert natively, without this loop. */
function rgbOf(image: WorkerImage): Float32Array {
  const pixels = new Float32Array(image.width * image.height * 3);
  for (let index = 0, source = 0; index < pixels.length; index += 3, source += image.channels) {
    pixels[index] = image.data[source]!;
    pixels[index + 1] = image.data[source + 1]!;
    pixels[index + 2] = image.data[source + 2]!;
  }
  return pixels;
}
