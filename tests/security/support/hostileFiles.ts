import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** Offsets of every image descriptor (0x2C) in a GIF, found by walking its blocks. */
function gifImageDescriptors(gif: Buffer): number[] {
  const flags = gif[10]!;
  let offset = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  const skipSubBlocks = () => {
    while (gif[offset]! !== 0) offset += gif[offset]! + 1;
    offset += 1;
  };
  const found: number[] = [];
  while (offset < gif.length && gif[offset] !== 0x3b) {
    if (gif[offset] === 0x21) {
      offset += 2;
      skipSubBlocks();
    } else if (gif[offset] === 0x2c) {
      found.push(offset);
      const local = gif[offset + 9]!;
      offset += 10 + (local & 0x80 ? 3 * 2 ** ((local & 0x07) + 1) : 0) + 1;
      skipSubBlocks();
    } else {
      throw new Error(`unexpected GIF block 0x${gif[offset]!.toString(16)} at ${offset}`);
    }
  }
  return found;
}

/**
 * A two-frame GIF whose first frame is red and whose second, green frame is moved far outside the 64x64 logical
 * screen (left/top 60000): a frame no viewer shows. Only the first frame may ever reach an output or fal.
 */
export async function hiddenFrameGif(): Promise<Buffer> {
  const frame = (colour: string) => sharp({ create: { width: 64, height: 64, channels: 3, background: colour } }).png().toBuffer();
  const gif = await sharp([await frame('#ff0000'), await frame('#00ff00')], { join: { animated: true } }).gif().toBuffer();
  const descriptors = gifImageDescriptors(gif);
  if (descriptors.length !== 2) throw new Error(`expected 2 frames, found ${descriptors.length}`);
  gif.writeUInt16LE(60_000, descriptors[1]! + 1);
  gif.writeUInt16LE(60_000, descriptors[1]! + 3);
  return gif;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid-looking PNG (correct CRCs) whose header claims 65536 x 65536 RGB pixels, with a few bytes of data. */
export function giantPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(65_536, 0);
  header.writeUInt32BE(65_536, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1000))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A little-endian greyscale TIFF, 16 pixels wide, whose ImageLength and RowsPerStrip claim a million rows (16 MB of
 * strip) while the file holds 256 bytes of pixels.
 */
export function bogusRowsTiff(): Buffer {
  const rows = 1_000_000;
  const entries: Array<[tag: number, type: 3 | 4, value: number]> = [
    [256, 4, 16], // ImageWidth
    [257, 4, rows], // ImageLength
    [258, 3, 8], // BitsPerSample
    [259, 3, 1], // Compression: none
    [262, 3, 1], // Photometric: black is zero
    [273, 4, 0], // StripOffsets, set below
    [277, 3, 1], // SamplesPerPixel
    [278, 4, rows], // RowsPerStrip
    [279, 4, rows * 16], // StripByteCounts
  ];
  const ifdOffset = 8;
  const dataOffset = ifdOffset + 2 + entries.length * 12 + 4;
  entries[5]![2] = dataOffset;
  const tiff = Buffer.alloc(dataOffset + 256, 0x80);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(ifdOffset, 4);
  tiff.writeUInt16LE(entries.length, ifdOffset);
  entries.forEach(([tag, type, value], index) => {
    const at = ifdOffset + 2 + index * 12;
    tiff.writeUInt16LE(tag, at);
    tiff.writeUInt16LE(type, at + 2);
    tiff.writeUInt32LE(1, at + 4);
    if (type === 3) tiff.writeUInt16LE(value, at + 8);
    else tiff.writeUInt32LE(value, at + 8);
  });
  tiff.writeUInt32LE(0, ifdOffset + 2 + entries.length * 12);
  return tiff;
}

/** SVGs that point outside themselves: files (`/etc/passwd`, a red PNG), `<use>` of another SVG, and URLs. */
export function externalSvgs(options: { redPng: string; otherSvg: string; url: string }): Record<string, string> {
  const wrap = (body: string, head = '') =>
    `${head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100">` +
    `<rect width="100" height="100" fill="#ffffff"/>${body}</svg>`;
  return {
    'passwd.svg': wrap('<image href="file:///etc/passwd" width="100" height="100"/>'),
    'xlink-file.svg': wrap(`<image xlink:href="file://${options.redPng}" width="100" height="100"/>`),
    'use-file.svg': wrap(`<use href="file://${options.otherSvg}#shape"/>`),
    'url-image.svg': wrap(`<image href="${options.url}/image.png" width="100" height="100"/><use xlink:href="${options.url}/other.svg#a"/>`),
    'css-url.svg': wrap(`<style>@import url(${options.url}/style.css);</style><rect width="10" height="10" style="fill:url(${options.url}/p.svg#g)"/>`),
    'xxe.svg': wrap('<text y="20">&x;</text>', `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "${options.url}/entity">]>`),
  };
}
