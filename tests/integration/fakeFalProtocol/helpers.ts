import sharp from 'sharp';
import { createSmartResizeFalClient } from '../../../electron/engine/fal/falClient';
import { sha256, type FakeFal } from '../../support/fakeFal';

/** A small real PNG with a distinct colour per `seed`, and the sha256 the fake will know it by. */
export async function makeSourcePng(seed = 0, width = 320, height = 240): Promise<{ bytes: Buffer; sha: string }> {
  const bytes = await sharp({
    create: { width, height, channels: 3, background: { r: (seed * 67) % 256, g: 90, b: 160 } },
  })
    .png()
    .toBuffer();
  return { bytes, sha: sha256(bytes) };
}

/** A client routed to the fake in host-rewrite form (default) or proxy form. */
export function clientFor(fake: FakeFal, mode: 'host' | 'proxy' = 'host', credentials = fake.key) {
  return mode === 'host'
    ? createSmartResizeFalClient({ credentials, hostOverride: fake.url })
    : createSmartResizeFalClient({ credentials, proxyUrl: fake.proxyUrl });
}

/** Uploads a PNG the way the provider will: a File named after the source, so tests can match by name. */
export function uploadPng(fal: ReturnType<typeof clientFor>, bytes: Buffer, name = 'source.png'): Promise<string> {
  return fal.storage.upload(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
}

/** Downloads an output URL and reads its real pixel size. */
export async function downloadImage(url: string): Promise<{ width: number; height: number; format: string | undefined }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`download ${url}: HTTP ${response.status}`);
  const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
  return { width: meta.width ?? 0, height: meta.height ?? 0, format: meta.format };
}

/** Awaits a promise expected to reject and returns what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** The shape of the smart-resize output the tests read. */
export interface SmartResizeOutput {
  images: { url: string; width: number; height: number; content_type: string }[];
  description: string;
  results: {
    images: { url: string; width: number; height: number }[];
    description: string;
    aspect_ratio: string;
    resolution: string;
    width: number;
    height: number;
  }[];
}

export { SMART_RESIZE_ENDPOINT as ENDPOINT } from '../../../electron/engine/fal/falClient';
