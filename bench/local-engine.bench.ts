/**
 * `npm run bench:local`: the local engine against a bare sharp baseline on a generated 24 MP JPEG, to the 5 Meta +
 * IAB sizes, and against the same baseline decoding at the needed scale. Timed runs are interleaved; peak RSS of
 * each is measured in its own child process. Medians, ratios (goal <= 1.3) and peak RSS are printed. A script, not
 * a test: timings vary with the machine's load.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { renderLocalFile } from '../electron/engine/local';
import { makeSubjectScene } from '../tests/support/images/subjectScene';

const SIZES = [
  { width: 1080, height: 1080 },
  { width: 1080, height: 1350 },
  { width: 1080, height: 1920 },
  { width: 1200, height: 628 },
  { width: 300, height: 250 },
];
const RUNS = 7;
const QUALITY = 85;
type Mode = 'baseline' | 'baseline-shrink' | 'engine';
const MODES: readonly Mode[] = ['baseline', 'baseline-shrink', 'engine'];

/** Bare sharp: one full decode to raw pixels, then the five cover resizes + JPEG encodes from that one buffer. */
async function baseline(file: string): Promise<void> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  await Promise.all(SIZES.map((size) => sharp(data, { raw }).resize(size.width, size.height, { fit: 'cover' }).jpeg({ quality: QUALITY }).toBuffer()));
}

/**
 * The same, but decoding at the scale the sizes need (shrink-on-load), as the engine does: shows what the engine's
 * own work (subject detection, layout, padding) costs on top of the cheapest possible decode.
 */
async function baselineWithShrink(file: string): Promise<void> {
  const scale = Math.max(...SIZES.map((size) => Math.max(size.width / 6000, size.height / 4000)));
  const { data, info } = await sharp(file)
    .resize(Math.ceil(6000 * scale), Math.ceil(4000 * scale), { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  await Promise.all(SIZES.map((size) => sharp(data, { raw }).resize(size.width, size.height, { fit: 'cover' }).jpeg({ quality: QUALITY }).toBuffer()));
}

async function engine(file: string): Promise<string[]> {
  const result = await renderLocalFile(file, SIZES, { format: 'jpeg', quality: QUALITY });
  return result.outputs.map((output) => `${output.width}x${output.height}:${output.method}`);
}

function runOnce(mode: Mode, file: string): Promise<unknown> {
  if (mode === 'engine') return engine(file);
  return mode === 'baseline' ? baseline(file) : baselineWithShrink(file);
}

/**
 * Timings, interleaved (one run of each mode per round, after a warm-up of each) so a busy machine slows every mode
 * alike instead of whichever happened to run during the busy spell.
 */
async function timeModes(file: string): Promise<Map<Mode, number[]>> {
  for (const mode of MODES) await runOnce(mode, file);
  const times = new Map<Mode, number[]>(MODES.map((mode) => [mode, []]));
  for (let round = 0; round < RUNS; round += 1) {
    for (const mode of MODES) {
      const start = performance.now();
      await runOnce(mode, file);
      times.get(mode)!.push(performance.now() - start);
    }
  }
  return times;
}

/** Peak RSS of one run of a mode, in a fresh child process so no other mode's memory is counted. */
function peakRssMb(mode: Mode, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, ['--child', mode, file], { execArgv: process.execArgv });
    child.once('message', (message) => resolve(Number(message)));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`${mode} run exited with ${code}`)));
  });
}

/**
 * This process's peak RSS. On Linux, VmHWM: getrusage's maxRSS can carry over the parent's peak through fork, which
 * would report the parent's (large) generating step instead of this run.
 */
function ownPeakRssMb(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // Not Linux: fall through to getrusage.
  }
  return process.resourceUsage().maxRSS / 1024;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A 6000x4000 photo-like JPEG: textured background, a tall subject off-centre (so 1200x628 needs a pad). */
async function makeTestJpeg(folder: string): Promise<string> {
  const scene = makeSubjectScene({ width: 6000, height: 4000, centreX: 0.4, centreY: 0.45, objectWidth: 1300, objectHeight: 3300, shape: 'rect', seed: 24 });
  const file = join(folder, 'bench-24mp.jpg');
  await sharp(scene.raw.data, { raw: scene.raw }).jpeg({ quality: 90 }).toFile(file);
  return file;
}

async function main(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'smart-resize-bench-'));
  try {
    const file = await makeTestJpeg(folder);
    const times = await timeModes(file);
    const labels: Record<Mode, string> = {
      baseline: 'baseline (sharp, one full decode + 5 resize/encode)  ',
      'baseline-shrink': 'baseline with shrink-on-load (decode at needed scale)',
      engine: 'local engine (renderLocalFile)                        ',
    };
    console.log(`24 MP JPEG (6000x4000) -> ${SIZES.map((size) => `${size.width}x${size.height}`).join(', ')} as JPEG q${QUALITY}, ${RUNS} runs each`);
    for (const mode of MODES) {
      const runs = times.get(mode)!;
      const rss = await peakRssMb(mode, file);
      console.log(`${labels[mode]}: median ${median(runs).toFixed(0)} ms (runs ${runs.map((ms) => ms.toFixed(0)).join(', ')}), peak RSS ${rss.toFixed(0)} MB`);
    }
    console.log(`engine layouts: ${(await engine(file)).join(' ')}`);
    const ratio = median(times.get('engine')!) / median(times.get('baseline')!);
    console.log(`ratio engine / baseline: ${ratio.toFixed(2)} (goal <= 1.3: ${ratio <= 1.3 ? 'met' : 'NOT met'})`);
    const overhead = median(times.get('engine')!) / median(times.get('baseline-shrink')!);
    console.log(`ratio engine / baseline with shrink-on-load: ${overhead.toFixed(2)} (the engine's own work on top of the cheapest decode)`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await runOnce(process.argv[3] as Mode, process.argv[4]!);
  process.send?.(ownPeakRssMb(), () => process.exit(0));
} else {
  await main();
}
