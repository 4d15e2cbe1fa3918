import ExifReader from 'exifreader';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AI_COMPOSITED_SOURCE_TYPE, encodeWithinBudget, outputMetadataStep, readRightsMetadata } from '../../../electron/engine/output';
import { xmpPacket } from '../../../electron/engine/output/xmpPacket';

/** A camera-like source: rights in EXIF and XMP, and the things that must not travel (GPS, body serial). */
async function sourceWithRights(): Promise<Buffer> {
  const xmp = xmpPacket({ creator: 'Ana Pereira', copyright: '© 2026 Ana Pereira', credit: 'Pereira Studio', usageTerms: 'Licensed for the spring campaign only' });
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#4477aa' } })
    .withExif({
      IFD0: { Artist: 'Ana Pereira', Copyright: '(c) 2026 Ana Pereira', Make: 'Canon', Model: 'EOS R5' },
      IFD2: { BodySerialNumber: '0123456789' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 43/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '9/1 8/1 0/1' },
    })
    .withXmp(xmp!)
    .jpeg()
    .toBuffer();
}

async function outputOf(source: Buffer, format: 'jpeg' | 'png' | 'webp', options: { copyRights?: boolean; aiComposited?: boolean } = {}) {
  const { data, info } = await sharp(source).resize(300, 250).raw().toBuffer({ resolveWithObject: true });
  const metadata = outputMetadataStep({ rights: readRightsMetadata(source), copyRights: options.copyRights ?? true, aiComposited: options.aiComposited ?? false });
  const result = await encodeWithinBudget({ raw: { data, width: info.width, height: info.height, channels: info.channels as 3 }, format, quality: 85, metadata });
  return result.bytes;
}

describe('rights metadata on outputs', () => {
  it('reads the source rights from EXIF and XMP', async () => {
    expect(readRightsMetadata(await sourceWithRights())).toEqual({
      creator: 'Ana Pereira', copyright: '(c) 2026 Ana Pereira', credit: 'Pereira Studio', usageTerms: 'Licensed for the spring campaign only',
    });
  });

  it.each(['jpeg', 'png', 'webp'] as const)('a %s output keeps the copyright and creator, loses GPS and the camera serial, and is tagged sRGB', async (format) => {
    const output = await outputOf(await sourceWithRights(), format);
    const tags = ExifReader.load(output, { expanded: true }) as unknown as Record<string, Record<string, { description?: string }> | undefined>;
    expect(tags['exif']?.['Artist']?.description).toBe('Ana Pereira');
    expect(tags['exif']?.['Copyright']?.description).toBe('(c) 2026 Ana Pereira');
    expect(tags['exif']?.['BodySerialNumber']).toBeUndefined();
    expect(tags['exif']?.['Make']).toBeUndefined();
    expect(tags['gps'] ?? {}).toEqual({});
    expect(Object.keys(tags['exif'] ?? {}).some((key) => key.startsWith('GPS'))).toBe(false);
    const meta = await sharp(output).metadata();
    expect(meta.icc?.length).toBeGreaterThan(0);
    // libvips writes PNG XMP as a compressed text chunk exifreader does not read; sharp reads it back.
    const xmp = meta.xmp?.toString('utf8') ?? '';
    expect(xmp).toContain('Pereira Studio');
    expect(xmp).toContain('Licensed for the spring campaign only');
  });

  it('fal outputs are marked AI-composited in IPTC terms', async () => {
    const output = await outputOf(await sourceWithRights(), 'jpeg', { aiComposited: true });
    expect((await sharp(output).metadata()).xmp?.toString('utf8')).toContain(`<Iptc4xmpExt:DigitalSourceType>${AI_COMPOSITED_SOURCE_TYPE}</Iptc4xmpExt:DigitalSourceType>`);
  });

  it('with copying turned off the output carries no rights fields, still sRGB', async () => {
    const output = await outputOf(await sourceWithRights(), 'jpeg', { copyRights: false });
    expect(readRightsMetadata(output)).toEqual({});
    expect((await sharp(output).metadata()).icc?.length).toBeGreaterThan(0);
  });

  it('untrusted rights text cannot break the XMP packet', () => {
    const packet = xmpPacket({ creator: 'A <b>&"x"</b>\u0001' });
    expect(packet).toContain('A &#60;b&#62;&#38;&#34;x&#34;&#60;/b&#62;</rdf:li>');
  });
});
