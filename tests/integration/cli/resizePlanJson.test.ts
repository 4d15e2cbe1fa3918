import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marksToXmp } from '../../../electron/engine/composition/marks/xmpMarks';
import { jsonLines, runCli } from '../../support/cli/runCli';
import { makeCompositionScene } from '../../support/images/compositionScene';

// `resize --json` tells, per output, the layout method and the part of the upright source it shows, and per file
// the subjects found or given; --focus and --keep steer the layout.

interface Line {
  outputs: Array<{ target: string; plan: { method: string; sourceRegion: { left: number; top: number; width: number; height: number } } }>;
  subjects: Array<{ kind: string; box: { left: number; top: number; width: number; height: number } }>;
  notes: string[];
}

let dir: string;
let face: { left: number; top: number; width: number; height: number };
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'smart-resize-plan-'));
  const scene = await makeCompositionScene({ name: 'person right', width: 1200, height: 800, seed: 9, people: [{ patch: 1, x: 0.78, y: 0.5, height: 0.6 }] });
  face = scene.elements.find((element) => element.kind === 'face')!.box;
  await sharp(scene.raw.data, { raw: scene.raw }).jpeg({ quality: 92 }).toFile(join(dir, 'person.jpg'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function inside(inner: Line['subjects'][number]['box'], outer: Line['subjects'][number]['box']): boolean {
  return inner.left >= outer.left && inner.top >= outer.top && inner.left + inner.width <= outer.left + outer.width && inner.top + inner.height <= outer.top + outer.height;
}

describe('resize --json plans and subjects', () => {
  it('reports the face it found and layouts that show it whole', async () => {
    const run = await runCli(['resize', join(dir, 'person.jpg'), '--sizes', '400x400,300x600', '--out', join(dir, 'found'), '--json']);
    expect(run.code, run.stderr).toBe(0);
    const [line] = jsonLines<Line>(run.stdout);
    const found = line!.subjects.find((subject) => subject.kind === 'face');
    expect(found, JSON.stringify(line!.subjects)).toBeDefined();
    expect(Math.abs(found!.box.left + found!.box.width / 2 - (face.left + face.width / 2))).toBeLessThan(face.width / 2);
    for (const output of line!.outputs) expect(inside(face, output.plan.sourceRegion), output.target).toBe(true);
    // The square needs no pad to show the face (and the man's whole photo): a crop.
    expect(line!.outputs[0]!.plan.method).toBe('crop');
  });

  it('keeps a --keep box whole and centres on --focus, in upright source pixels', async () => {
    const run = await runCli([
      'resize', join(dir, 'person.jpg'), '--sizes', '400x400', '--out', join(dir, 'marked'), '--json', '--no-detect',
      '--keep', '0.05,0.1,0.2,0.2', '--focus', '0.15,0.2',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const [line] = jsonLines<Line>(run.stdout);
    const keep = line!.subjects.find((subject) => subject.kind === 'keep')!;
    expect(keep.box).toEqual({ left: 60, top: 80, width: 240, height: 160 });
    expect(line!.subjects.some((subject) => subject.kind === 'focus')).toBe(true);
    const [output] = line!.outputs;
    expect(output!.plan).toEqual({ method: 'crop', sourceRegion: { left: 0, top: 0, width: 800, height: 800 } });
  });

  it("takes the marks from the source's XMP sidecar when no --focus or --keep is given", async () => {
    const source = join(dir, 'sidecar.jpg');
    copyFileSync(join(dir, 'person.jpg'), source);
    writeFileSync(`${source}.xmp`, marksToXmp({ keep: [{ left: 0.05, top: 0.1, width: 0.2, height: 0.2 }] }, Date.now()));
    const run = await runCli(['resize', source, '--sizes', '400x400', '--out', join(dir, 'sidecar'), '--json', '--no-detect']);
    expect(run.code, run.stderr).toBe(0);
    const [line] = jsonLines<Line>(run.stdout);
    expect(line!.subjects.find((subject) => subject.kind === 'keep')?.box).toEqual({ left: 60, top: 80, width: 240, height: 160 });
  });

  it('refuses a keep box outside the picture with the reason', async () => {
    const run = await runCli(['resize', join(dir, 'person.jpg'), '--sizes', '400x400', '--out', join(dir, 'bad'), '--keep', '0.9,0.1,0.3,0.2']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/--keep 0\.9,0\.1,0\.3,0\.2: the box must have a size and lie inside the image/);
  });
});
