import sharp, { type Sharp } from 'sharp';
import { coveringPreset } from './presets';

/** One output image file. */
export interface RenderedImage {
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
  readonly contentType: string;
  readonly extension: string;
}

/** How to draw the outputs of one target. */
export interface RenderRequest {
  /** The decoded-able source bytes (unused in `flat` mode). */
  readonly source: Buffer;
  readonly width: number;
  readonly height: number;
  readonly format: 'jpeg' | 'png' | 'webp';
  readonly count: number;
  readonly mode: 'resize' | 'flat' | 'recompose';
  /** A regenerating fake's request number: above 0, the images are tinted by it (each request's files differ). */
  readonly generation?: number;
  /** Make the first image's pixels a different size than asked (the wrong-size fault). */
  readonly wrongSize: boolean;
}

const CONTENT_TYPES = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

function encode(image: Sharp, format: RenderRequest['format']): Sharp {
  // Fast settings: the fake must not eat the CPU the engine under test needs.
  if (format === 'jpeg') return image.jpeg({ quality: 85 });
  if (format === 'webp') return image.webp({ quality: 80, effort: 0 });
  return image.png({ compressionLevel: 1 });
}

/**
 * Real images of the requested size: the source cover-resized and center-cropped (smart-resize's last step), or a
 * flat colour in `flat` mode, or in `recompose` mode the whole source fitted inside the covering preset over a
 * blurred extension of itself (what a regeneration for a new aspect does: all of the scene, more around it), then
 * centre-cropped to the size as fal does, so a test can tell where the subject lands. Images after the first of a target are slightly brighter so each file differs.
 */
export async function renderTarget(request: RenderRequest): Promise<RenderedImage[]> {
  if (request.mode !== 'flat') return renderImages(request);
  // Flat images depend on the size and format alone: drawn once, as fal's GPUs would cost the engine no CPU at all.
  const key = `${request.width}x${request.height}:${request.format}:${request.count}:${request.wrongSize}`;
  let rendered = flatImages.get(key);
  if (!rendered) {
    rendered = renderImages(request);
    flatImages.set(key, rendered);
    rendered.catch(() => flatImages.delete(key));
  }
  return rendered;
}

const flatImages = new Map<string, Promise<RenderedImage[]>>();

async function renderImages(request: RenderRequest): Promise<RenderedImage[]> {
  const images: RenderedImage[] = [];
  for (let index = 0; index < request.count; index += 1) {
    const off = request.wrongSize && index === 0;
    const width = off ? request.width + 8 : request.width;
    const height = off ? Math.max(1, request.height - 8) : request.height;
    const base =
      request.mode === 'flat'
        ? sharp({ create: { width, height, channels: 3, background: { r: 40 + index * 30, g: 120, b: 200 } } })
        : request.mode === 'recompose'
          ? sharp(await generatedThenCropped(request.source, width, height))
          : sharp(request.source).rotate().resize(width, height, { fit: 'cover', position: 'centre' });
    const generation = request.mode === 'flat' ? 0 : (request.generation ?? 0);
    const brightness = 1 + (request.mode !== 'flat' ? 0.05 * index : 0);
    const varied = (index > 0 && request.mode !== 'flat') || generation > 0 ? base.modulate({ brightness, hue: (generation * 9) % 360 }) : base;
    const bytes = await encode(varied.removeAlpha(), request.format).toBuffer();
    images.push({ bytes, width, height, contentType: CONTENT_TYPES[request.format], extension: request.format === 'jpeg' ? 'jpg' : request.format });
  }
  return images;
}

/** `recompose`: generated at the covering preset (the fake's rule, presets.ts), then centre-cropped, as fal does. */
async function generatedThenCropped(source: Buffer, width: number, height: number): Promise<Buffer> {
  const preset = coveringPreset(width, height, '1K') ?? { width, height };
  return sharp(await recomposed(source, preset.width, preset.height)).resize(width, height, { fit: 'cover', position: 'centre' }).png().toBuffer();
}

/** The whole source fitted (contain) and centred in width x height over a blurred cover of itself (`recompose`). */
export async function recomposed(source: Buffer, width: number, height: number): Promise<Buffer> {
  const background = await sharp(source).rotate().resize(width, height, { fit: 'cover' }).blur(20).removeAlpha().png().toBuffer();
  const fitted = await sharp(source).rotate().resize(width, height, { fit: 'inside' }).removeAlpha().png().toBuffer();
  return sharp(background).composite([{ input: fitted, gravity: 'centre' }]).png({ compressionLevel: 1 }).toBuffer();
}
