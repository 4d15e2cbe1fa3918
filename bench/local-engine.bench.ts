/**
 * `npm run bench:local`. Part 1, timing: a 24 MP and a 1 MP photo-like JPEG to six ad sizes, interleaved runs of the
 * local engine with subject detection (faces, objects, text in the worker thread; no cache hit: each run is new
 * content to it), the engine without detection (saliency box only), smartcrop.js through sharp (the smartcrop-sharp
 * adapter), and bare sharp cover crops as the floor. Part 2, layout quality on the measurement set (generated scenes
 * with known boxes, bench/support/measurementScenes.ts): "kept whole" for salient subjects and text, padded plans
 * and fill, for the engine now, the engine before issue 13 (saliency box + crop-or-pad rule), smartcrop and a
 * centre crop. A script, not a test: it prints figures and the machine's load beside them. Each mode's process CPU
 * time is printed beside its wall time (on a machine shared with other work, wall times follow its load), and each
 * photo's CPU per stage (bench/support/stageProfile.ts) says where the time goes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { planComposition } from '../electron/engine/composition';
import { SubjectDetector } from '../electron/engine/composition/detection';
import { closeBackdropThreads, warmUpBackdropThreads } from '../electron/engine/composition/fills/backdropThreads';
import { renderLocalFile } from '../electron/engine/local';
import { detectSubject } from '../electron/engine/local/detectSubject';
import { planLayout } from '../electron/engine/local/planLayout';
import type { RawImage } from '../electron/engine/decode/types';
import type { Box } from '../electron/engine/local/geometry';
import { makeCompositionScene } from '../tests/support/images/compositionScene';
import { backgroundPhotos, heldOutPhotos, measurementScenes } from './support/measurementScenes';
import { smartcropRegion } from './support/smartcropSharp';
import { stageProfile } from './support/stageProfile';

const SIZES = [
  { width: 1080, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1200, height: 628 },
  { width: 728, height: 90 },
  { width: 160, height: 600 },
  { width: 300, height: 250 },
];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SCENES = Number(process.env.BENCH_SCENES ?? 40);
/** The hold-out set's seed: scenes the planner's weights (e.g. saliencyLostBesideDetections) were not tuned on. */
const HOLD_OUT_SEED = 2027;
const QUALITY = 85;
type Mode = 'detect' | 'noDetect' | 'smartcrop' | 'sharpCover';
const MODES: readonly Mode[] = ['detect', 'noDetect', 'smartcrop', 'sharpCover'];
const LABELS: Record<Mode, string> = {
  detect: 'engine with detection          ',
  noDetect: 'engine without detection       ',
  smartcrop: 'smartcrop.js (smartcrop-sharp) ',
  sharpCover: 'bare sharp cover crops (floor) ',
};

/** CenterNet's input side for this run (BENCH_OBJECT_SIDE, e.g. 512 to compare; default the engine's). */
const OBJECT_SIDE = process.env.BENCH_OBJECT_SIDE ? Number(process.env.BENCH_OBJECT_SIDE) : undefined;
const detector = new SubjectDetector(undefined, OBJECT_SIDE);
/**
 * The quality part's own detector, with a long time limit: it measures layouts, and on a loaded machine the
 * default 10 s limit would turn some detections into saliency-only fallbacks (it counts and prints any left).
 */
const qualityDetector = new SubjectDetector(300_000, OBJECT_SIDE);

/** One run of a mode; the engine's runs hand back their per-step wall times. */
async function runOnce(mode: Mode, file: string): Promise<Readonly<Record<string, number>> | undefined> {
  if (mode === 'detect' || mode === 'noDetect') {
    const result = await renderLocalFile(file, SIZES, { format: 'jpeg', quality: QUALITY, detector: mode === 'detect' ? detector : undefined });
    return result.timings;
  }
  if (mode === 'smartcrop') {
    await Promise.all(
      SIZES.map(async (size) => {
        const crop = await smartcropRegion(file, size.width, size.height);
        await sharp(file).extract({ left: crop.x, top: crop.y, width: crop.width, height: crop.height }).resize(size.width, size.height).jpeg({ quality: QUALITY }).toBuffer();
      }),
    );
    return;
  }
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  await Promise.all(SIZES.map((size) => sharp(data, { raw: info }).resize(size.width, size.height, { fit: 'cover' }).jpeg({ quality: QUALITY }).toBuffer()));
  return undefined;
}

/**
 * Every mode once untimed (this loads the detector's workers and models, and warms sharp: the engine loads them at
 * start, off any job's path, so load is not counted), then RUNS interleaved timed rounds.
 */
async function timeModes(file: string): Promise<{ times: Map<Mode, number[]>; cpu: Map<Mode, number[]>; steps: Map<Mode, Array<Readonly<Record<string, number>>>> }> {
  // The engine starts its blur backdrop threads at start, as it loads the detector's models (warmDetector).
  await warmUpBackdropThreads();
  for (const mode of MODES) await runOnce(mode, file);
  const times = new Map<Mode, number[]>(MODES.map((mode) => [mode, []]));
  const cpu = new Map<Mode, number[]>(MODES.map((mode) => [mode, []]));
  const steps = new Map<Mode, Array<Readonly<Record<string, number>>>>(MODES.map((mode) => [mode, []]));
  for (let round = 0; round < RUNS; round += 1) {
    for (const mode of MODES) {
      // Each timed run starts on a collected heap (npm run bench:local exposes gc), so no mode pays for collecting
      // the garbage of the mode before it: smartcrop.js leaves tens of megabytes of it per run.
      (globalThis as { gc?: () => void }).gc?.();
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const timings = await runOnce(mode, file);
      times.get(mode)!.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.get(mode)!.push((used.user + used.system) / 1000);
      if (timings) steps.get(mode)!.push(timings);
    }
  }
  return { times, cpu, steps };
}

/** Median wall time of each step over the runs, in the order steps first appear. */
function stepMedians(runs: ReadonlyArray<Readonly<Record<string, number>>>): string {
  const names = [...new Set(runs.flatMap((run) => Object.keys(run)))];
  return names.map((name) => `${name} ${median(runs.map((run) => run[name] ?? 0)).toFixed(0)}`).join(', ');
}

/**
 * The engine's time over smartcrop.js's within each round: on a shared machine the load drifts between rounds more
 * than between two runs of one round, so these ratios spread less than the medians' ratio. Their quartiles, and in
 * how many rounds the engine was the faster.
 */
function pairedRatios(engine: readonly number[], reference: readonly number[]): string {
  const ratios = engine.map((ms, round) => ms / reference[round]!).sort((a, b) => a - b);
  const quartile = (q: number) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))]!.toFixed(2);
  const faster = ratios.filter((ratio) => ratio < 1).length;
  return `ratio median ${quartile(0.5)}x (quartiles ${quartile(0.25)}-${quartile(0.75)}x), faster in ${faster} of ${ratios.length} rounds`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const load = (): string => loadavg().map((value) => value.toFixed(2)).join(' ');

/** A photo-like scene (two people, a headline) written as a JPEG of the given size. */
async function benchJpeg(folder: string, width: number, height: number): Promise<string> {
  const scene = await makeCompositionScene({
    name: 'bench',
    width: 1500,
    height: 1000,
    seed: 24,
    people: [{ patch: 0, x: 0.3, y: 0.55, height: 0.6 }, { patch: 1, x: 0.72, y: 0.55, height: 0.55 }],
    texts: [{ text: 'SPRING SALE', font: 'DejaVu Sans', weight: 'bold', size: 0.08, colour: '#ffffff', x: 0.1, y: 0.15 }],
  });
  const file = join(folder, `bench-${width}x${height}.jpg`);
  await sharp(scene.raw.data, { raw: scene.raw }).resize(width, height).jpeg({ quality: 90 }).toFile(file);
  return file;
}

async function timing(folder: string): Promise<void> {
  const files: Array<[string, string]> = [];
  for (const [label, width, height] of [['24 MP', 6000, 4000], ['1 MP', 1224, 816]] as const) {
    const file = await benchJpeg(folder, width, height);
    files.push([label, file]);
    const { times, cpu, steps } = await timeModes(file);
    console.log(`\n${label} JPEG (${width}x${height}) -> ${SIZES.map((s) => `${s.width}x${s.height}`).join(', ')}, JPEG q${QUALITY}, ${RUNS} runs each, load ${load()}`);
    for (const mode of MODES) console.log(`  ${LABELS[mode]} median ${median(times.get(mode)!).toFixed(0)} ms (runs ${times.get(mode)!.map((ms) => ms.toFixed(0)).join(', ')}), CPU ${median(cpu.get(mode)!).toFixed(0)} ms`);
    for (const mode of ['detect', 'noDetect'] as const) console.log(`  steps, ${LABELS[mode].trim()} (median ms): ${stepMedians(steps.get(mode)!)}`);
    const added = median(times.get('detect')!) / median(times.get('noDetect')!) - 1;
    console.log(`  detection adds ${(added * 100).toFixed(0)}% to the engine's time (goal <= 50%${label === '24 MP' ? `: ${added <= 0.5 ? 'met' : 'NOT met'}` : ''})`);
    for (const mode of ['detect', 'noDetect'] as const) {
      const faster = median(times.get(mode)!) < median(times.get('smartcrop')!);
      console.log(`  ${LABELS[mode].trim()} vs smartcrop.js: ${(median(times.get(mode)!) / median(times.get('smartcrop')!)).toFixed(2)}x (goal < 1: ${faster ? 'met' : 'NOT met'}); in CPU time ${(median(cpu.get(mode)!) / median(cpu.get('smartcrop')!)).toFixed(2)}x`);
      console.log(`    round by round (the two ran back to back, so the machine's load was alike): ${pairedRatios(times.get(mode)!, times.get('smartcrop')!)}`);
    }
    const cpuAdded = median(cpu.get('detect')!) / median(cpu.get('noDetect')!) - 1;
    console.log(`  detection adds ${(cpuAdded * 100).toFixed(0)}% to the engine's CPU time (the work it adds, whatever the machine's load)`);
  }
  // After every timed run: this loads the models on this thread too, which the timed runs should not share it with.
  for (const [label, file] of files) {
    const stages = await stageProfile(file, SIZES, QUALITY, RUNS, async (raw) => (await detector.detect(raw)).subjects);
    console.log(`\n${label}: CPU per stage, each run alone on one thread (median ms), load ${load()}`);
    console.log(`  ${stages.map(({ stage, cpuMs }) => `${stage} ${cpuMs.toFixed(0)}`).join(', ')}`);
  }
}

function contains(outer: Box, inner: Box): boolean {
  return inner.left >= outer.left - 0.5 && inner.top >= outer.top - 0.5 && inner.left + inner.width <= outer.left + outer.width + 0.5 && inner.top + inner.height <= outer.top + outer.height + 0.5;
}

interface Tally {
  salient: number;
  salientWhole: number;
  text: number;
  textWhole: number;
  faces: number;
  facesWhole: number;
  plans: number;
  padded: number;
  fill: number;
}

const emptyTally = (): Tally => ({ salient: 0, salientWhole: 0, text: 0, textWhole: 0, faces: 0, facesWhole: 0, plans: 0, padded: 0, fill: 0 });

function count(tally: Tally, scene: Awaited<ReturnType<typeof measurementScenes>>[number], region: Box, padded: boolean, fill: number): void {
  tally.plans += 1;
  tally.padded += padded ? 1 : 0;
  tally.fill += fill;
  for (const element of scene.elements) {
    const whole = contains(region, element.box) ? 1 : 0;
    if (element.kind === 'object') [tally.salient, tally.salientWhole] = [tally.salient + 1, tally.salientWhole + whole];
    if (element.kind === 'text') [tally.text, tally.textWhole] = [tally.text + 1, tally.textWhole + whole];
    if (element.kind === 'face') [tally.faces, tally.facesWhole] = [tally.faces + 1, tally.facesWhole + whole];
  }
}

function centreCrop(source: { width: number; height: number }, target: { width: number; height: number }): Box {
  const aspect = target.width / target.height;
  const width = Math.min(source.width, source.height * aspect);
  const height = Math.min(source.height, width / aspect);
  return { left: (source.width - width) / 2, top: (source.height - height) / 2, width, height };
}

async function measurement(title: string, { names, photos }: { names: string[]; photos: Array<RawImage | undefined> }, seed?: number): Promise<void> {
  const scenes = await measurementScenes(SCENES, photos, seed);
  const tallies = { now: emptyTally(), withoutObjects: emptyTally(), before: emptyTally(), smartcrop: emptyTally(), centre: emptyTally() };
  let textFound = 0;
  let textTruth = 0;
  let textBoxes = 0;
  let textHits = 0;
  let fallbacks = 0;
  for (const scene of scenes) {
    const detection = await qualityDetector.detect(scene.raw);
    if (detection.notes.length > 0) fallbacks += 1;
    const oldSubject = await detectSubject(scene.raw);
    const png = await sharp(scene.raw.data, { raw: scene.raw }).png({ compressionLevel: 1 }).toBuffer();
    const texts = detection.subjects.filter((subject) => subject.kind === 'text');
    textBoxes += texts.length;
    textHits += texts.filter((found) => scene.elements.some((element) => element.kind === 'text' && overlaps(found.box, element.box))).length;
    for (const element of scene.elements.filter((element) => element.kind === 'text')) {
      textTruth += 1;
      if (texts.some((found) => contains(found.box, element.box) || coverage(element.box, found.box) > 0.8)) textFound += 1;
    }
    for (const target of SIZES) {
      const { plan } = planComposition({ source: scene.raw, subjects: detection.subjects }, target);
      count(tallies.now, scene, plan.region, plan.method !== 'crop', plan.fillShare);
      // What the object model (the slowest detector) buys: the same detection with its boxes left out.
      const withoutObjects = planComposition({ source: scene.raw, subjects: detection.subjects.filter((subject) => subject.kind !== 'object') }, target).plan;
      count(tallies.withoutObjects, scene, withoutObjects.region, withoutObjects.method !== 'crop', withoutObjects.fillShare);
      const before = planLayout(scene.raw, oldSubject, target);
      const beforeFill = before.method === 'pad' ? 1 - (before.placement.width * before.placement.height) / (target.width * target.height) : 0;
      count(tallies.before, scene, before.region, before.method === 'pad', beforeFill);
      const crop = await smartcropRegion(png, target.width, target.height);
      count(tallies.smartcrop, scene, { left: crop.x, top: crop.y, width: crop.width, height: crop.height }, false, 0);
      count(tallies.centre, scene, centreCrop(scene.raw, target), false, 0);
    }
  }
  const share = (part: number, whole: number) => `${whole === 0 ? '-' : ((100 * part) / whole).toFixed(1)}%`;
  console.log(`\n${title}: ${scenes.length} generated scenes x ${SIZES.length} sizes (backgrounds: ${names.map((name) => name.split('/').at(-1)).join(', ')}), load ${load()}`);
  console.log(`  ${'layout'.padEnd(34)} salient whole   text whole   faces whole   padded plans   mean fill`);
  for (const [name, tally] of [
    ['engine now (detection + score)', tallies.now],
    ['engine now, objects left out', tallies.withoutObjects],
    ['engine before (saliency, crop|pad)', tallies.before],
    ['smartcrop.js', tallies.smartcrop],
    ['centre crop', tallies.centre],
  ] as const) {
    console.log(
      `  ${name.padEnd(34)} ${share(tally.salientWhole, tally.salient).padStart(8)} (${tally.salient})  ${share(tally.textWhole, tally.text).padStart(6)} (${tally.text})  ${share(tally.facesWhole, tally.faces).padStart(6)} (${tally.faces})  ${share(tally.padded, tally.plans).padStart(10)}   ${((100 * tally.fill) / tally.plans).toFixed(1).padStart(6)}%`,
    );
  }
  const now = tallies.now;
  const before = tallies.before;
  console.log(`  goals: salient whole >= 85%: ${now.salientWhole / now.salient >= 0.85 ? 'met' : 'NOT met'}; text whole >= 80%: ${now.textWhole / Math.max(1, now.text) >= 0.8 ? 'met' : 'NOT met'}; padded plans <= before: ${now.padded <= before.padded ? 'met' : 'NOT met'}; fill <= before: ${now.fill <= before.fill ? 'met' : 'NOT met'}`);
  if (fallbacks > 0) console.log(`  NOTE: ${fallbacks} scenes' detection fell back (the figures above include them)`);
  console.log(`  text detector: found ${textFound} of ${textTruth} lines (${share(textFound, textTruth)}), ${textHits} of ${textBoxes} boxes on real text (${share(textHits, textBoxes)} precision)`);
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** Share of `box` covered by `cover`. */
function coverage(box: Box, cover: Box): number {
  const width = Math.min(box.left + box.width, cover.left + cover.width) - Math.max(box.left, cover.left);
  const height = Math.min(box.top + box.height, cover.top + cover.height) - Math.max(box.top, cover.top);
  return width > 0 && height > 0 ? (width * height) / (box.width * box.height) : 0;
}

const folder = await mkdtemp(join(tmpdir(), 'smart-resize-bench-'));
console.log(`object model input: ${OBJECT_SIDE ?? 'the engine default'} px; machine load ${load()}`);
try {
  if (process.env.BENCH_PART !== 'measure') await timing(folder);
  if (process.env.BENCH_PART !== 'timing') {
    await measurement('Measurement set (the weights were tuned on it)', await backgroundPhotos());
    await measurement('Hold-out set (new seed and backgrounds; same three people)', await heldOutPhotos(), HOLD_OUT_SEED);
  }
} finally {
  await rm(folder, { recursive: true, force: true });
  await detector.close();
  await qualityDetector.close();
  await closeBackdropThreads();
}
