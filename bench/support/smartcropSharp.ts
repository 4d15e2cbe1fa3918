/**
 * smartcrop.js driven by sharp, as the `smartcrop-sharp` package does it (MIT, its index.js re-typed here): that
 * package pins sharp ^0.32 as a peer and refuses to install beside sharp 0.35, so the bench uses the same adapter.
 */
import sharp, { type Sharp } from 'sharp';
import smartcrop from 'smartcrop';

interface SharpImage {
  width: number;
  height: number;
  _sharp: Sharp;
}

const imageOperations = {
  async open(src: string | Buffer): Promise<SharpImage> {
    const image = sharp(src);
    const metadata = await image.metadata();
    return { width: metadata.width!, height: metadata.height!, _sharp: image };
  },
  async resample(image: SharpImage, width: number, height: number): Promise<SharpImage> {
    return { width: Math.floor(width), height: Math.floor(height), _sharp: image._sharp };
  },
  async getData(image: SharpImage): Promise<unknown> {
    let data = await image._sharp.resize(image.width, image.height, { kernel: sharp.kernel.cubic }).raw().toBuffer();
    if (data.length === image.width * image.height * 3) {
      const rgba = Buffer.alloc(image.width * image.height * 4);
      for (let i = 0, o = 0; i < data.length; i += 3, o += 4) {
        rgba[o] = data[i]!;
        rgba[o + 1] = data[i + 1]!;
        rgba[o + 2] = data[i + 2]!;
        rgba[o + 3] = 255;
      }
      data = rgba;
    }
    return new (smartcrop as unknown as { ImgData: new (w: number, h: number, d: Buffer) => unknown }).ImgData(image.width, image.height, data);
  },
};

/** smartcrop's best crop of a file for a size: a box in the file's pixels with the size's aspect ratio. */
export async function smartcropRegion(src: string | Buffer, width: number, height: number): Promise<{ x: number; y: number; width: number; height: number }> {
  const result = await (smartcrop as unknown as { crop: (src: unknown, options: object) => Promise<{ topCrop: { x: number; y: number; width: number; height: number } }> }).crop(src, {
    width,
    height,
    imageOperations,
  });
  return result.topCrop;
}
