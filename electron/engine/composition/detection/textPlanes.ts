import { toLabPlanes } from '../../local/labColour';
import type { WorkerImage } from './detectionProtocol';
import type { GreyPlane } from './textGlyphs';

/** a* and b* are scaled about mid-grey so a chroma step reads like a luma step of the same visual weight. */
const CHROMA_SCALE = 2.5;

/**
 * The planes printed type is looked for in: luma, and the two Lab colour axes. Type set to be read differs from
 * its background in lightness or in colour; yellow on cream or red on brown differ hardly at all in luma (the
 * first measurement set missed most such lines), but strongly in b* or a*.
 */
export function textPlanes(image: WorkerImage): GreyPlane[] {
  const count = image.width * image.height;
  const luma = new Float32Array(count);
  for (let index = 0; index < count; index += 1) {
    const offset = index * image.channels;
    luma[index] = 0.299 * image.data[offset]! + 0.587 * image.data[offset + 1]! + 0.114 * image.data[offset + 2]!;
  }
  const [, greenRed, blueYellow] = toLabPlanes(image.data, count, image.channels);
  const { width, height } = image;
  return [luma, aboutMidGrey(greenRed), aboutMidGrey(blueYellow)].map((data) => ({ data, width, height }));
}

/** A colour axis scaled about mid-grey, in place (a plain loop: a typed array's map() calls back per pixel, slowly). */
function aboutMidGrey(plane: Float32Array): Float32Array {
  for (let index = 0; index < plane.length; index += 1) plane[index] = 128 + CHROMA_SCALE * plane[index]!;
  return plane;
}
