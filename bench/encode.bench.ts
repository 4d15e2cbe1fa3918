/**
 * `npm run bench:encode`: real photos from ../shared/corpus to every IAB placement with a weight limit, through the
 * budget encoder with the `auto` format, as the engine writes them (rights metadata and sRGB profile included).
 * Per output it prints the encodes tried, the time against one unconstrained q90 encode of the same pixels, the
 * bytes against the limit, and the SSIM (ssim.js) of the written file against that q90 encode. Goals: on average
 * <= 3 encodes per output and <= 2x the time of one encode. A second table does the same at half each limit, to
 * show the search itself at work. A script, not a test: timings vary with the machine's load (printed).
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { ssim } from 'ssim.js';
import { findPack, type PlacementSpec } from '../electron/domain/placements';
import type { RawImage } from '../electron/engine/decode/types';
import { chooseAutoFormat, encodeRaw, encodeWithinBudget, outputMetadataStep } from '../electron/engine/output';

const CORPUS = join(import.meta.dirname, '../../shared/corpus');
const PHOTOS = ['2569067123_aca715a2ee_o.jpg', 'Landscape_1.jpg', 'Landscape_6.jpg', 'Channel_digital_image_CMYK_color_no_profile.jpg'];
const QUALITY = 90;
const metadata = outputMetadataStep({ rights: { creator: 'Bench', copyright: '(c) bench' }, copyRights: true, aiComposited: false });

interface Row {
  readonly label: string;
  readonly encodes: number;
  readonly ms: number;
  readonly oneMs: number;
  readonly bytes: number;
  readonly limit: number;
  readonly ssim: number;
  readonly within: boolean;
}

async function rawFor(file: string, spec: PlacementSpec): Promise<RawImage> {
  const { data, info } = await sharp(join(CORPUS, file)).rotate().toColourspace('srgb').resize(spec.width, spec.height, { fit: 'cover' }).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels as 3 | 4 };
}

async function rgba(bytes: Buffer): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

async function measure(file: string, spec: PlacementSpec, limit: number): Promise<Row> {
  const raw = await rawFor(file, spec);
  const format = chooseAutoFormat(raw, spec.formats);
  await encodeRaw(raw, { format, quality: QUALITY }, metadata); // warm-up: the first encode of a size pays for setup
  let started = performance.now();
  const reference = await encodeRaw(raw, { format, quality: QUALITY, chroma: '4:4:4' }, metadata);
  const oneMs = performance.now() - started;
  started = performance.now();
  const result = await encodeWithinBudget({ raw, format, quality: QUALITY, maxBytes: limit, metadata });
  const ms = performance.now() - started;
  const [a, b] = await Promise.all([rgba(reference), rgba(result.bytes)]);
  return {
    label: `${file.slice(0, 22).padEnd(22)} ${spec.id.padEnd(14)} ${result.settings.format.padEnd(4)}`,
    encodes: result.attempts.length,
    ms,
    oneMs,
    bytes: result.bytes.length,
    limit,
    ssim: ssim(a, b).mssim,
    within: result.withinBudget,
  };
}

function print(title: string, rows: readonly Row[]): void {
  console.log(`\n${title}`);
  console.log(`${'source'.padEnd(22)} ${'placement'.padEnd(14)} fmt  encodes     ms  1-enc ms  ratio       KB   limit   SSIM  fits`);
  for (const row of rows) {
    console.log(
      `${row.label} ${String(row.encodes).padStart(7)} ${row.ms.toFixed(1).padStart(6)} ${row.oneMs.toFixed(1).padStart(9)} ${(row.ms / row.oneMs).toFixed(2).padStart(6)} ${(row.bytes / 1000).toFixed(1).padStart(8)} ${(row.limit / 1000).toFixed(0).padStart(7)} ${row.ssim.toFixed(4)}  ${row.within ? 'yes' : 'NO'}`,
    );
  }
  const encodes = rows.reduce((sum, row) => sum + row.encodes, 0) / rows.length;
  const ratio = rows.reduce((sum, row) => sum + row.ms, 0) / rows.reduce((sum, row) => sum + row.oneMs, 0);
  const meanSsim = rows.reduce((sum, row) => sum + row.ssim, 0) / rows.length;
  const fits = rows.filter((row) => row.within).length;
  console.log(`mean encodes per output ${encodes.toFixed(2)} (goal <= 3)  time vs one encode ${ratio.toFixed(2)}x (goal <= 2x)  mean SSIM ${meanSsim.toFixed(4)}  within budget ${fits}/${rows.length}`);
}

async function main(): Promise<void> {
  const placements = findPack('iab')!.placements.filter((spec) => spec.maxKB !== null);
  console.log(`bench:encode: ${PHOTOS.length} photos x ${placements.length} IAB placements, q${QUALITY}, load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  const atLimit: Row[] = [];
  const atHalf: Row[] = [];
  for (const file of PHOTOS) {
    for (const spec of placements) {
      atLimit.push(await measure(file, spec, spec.maxKB! * 1000));
      atHalf.push(await measure(file, spec, (spec.maxKB! * 1000) / 2));
    }
  }
  print('At the IAB limits', atLimit);
  print('At half the IAB limits (exercises the search)', atHalf);
  console.log(`load average after ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
}

await main();
