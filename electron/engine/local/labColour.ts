/** sRGB byte -> linear light, precomputed once (the saliency map converts every thumbnail pixel). */
const SRGB_TO_LINEAR = Float32Array.from({ length: 256 }, (_, value) => {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

function labF(t: number): number {
  return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116;
}

/**
 * CIE L*a*b* (D65) of interleaved 8-bit sRGB pixels, as three planes. Lab distances follow perceived colour
 * difference, which is what "this object stands out from its background" means.
 */
export function toLabPlanes(data: Uint8Array, pixelCount: number, channels: number): [Float32Array, Float32Array, Float32Array] {
  const lightness = new Float32Array(pixelCount);
  const greenRed = new Float32Array(pixelCount);
  const blueYellow = new Float32Array(pixelCount);
  for (let index = 0; index < pixelCount; index += 1) {
    const offset = index * channels;
    const r = SRGB_TO_LINEAR[data[offset]!]!;
    const g = SRGB_TO_LINEAR[data[offset + 1]!]!;
    const b = SRGB_TO_LINEAR[data[offset + 2]!]!;
    const fx = labF((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
    const fy = labF(0.2126 * r + 0.7152 * g + 0.0722 * b);
    const fz = labF((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
    lightness[index] = 116 * fy - 16;
    greenRed[index] = 500 * (fx - fy);
    blueYellow[index] = 200 * (fy - fz);
  }
  return [lightness, greenRed, blueYellow];
}
