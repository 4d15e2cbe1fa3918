import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../electron/engine/profiles';
import type { JobRecord } from '../../electron/engine/store';
import { startEngineHarness, type EngineHarness } from '../support/engine/engineHarness';
import { untilEngine } from '../support/engine/engineWaits';
import { writeTestJpeg } from '../support/engine/testImages';
import { prepareUnprivilegedChild } from '../support/unprivileged/unprivilegedChild';
import { bogusRowsTiff, externalSvgs, giantPng, hiddenFrameGif } from './support/hostileFiles';

// Hostile files dropped in one batch with a good image, through the real engine, once with the local engine and
// once with fal (a fake on loopback): each ends as a failed job with a reason naming it, the engine stays up, the
// batch goes on, nothing an SVG points at is read or fetched, and a hidden GIF frame never reaches an output or fal.
const PROFILES: Record<'local' | 'fal', ProfileInput> = {
  local: { name: 'Hostile local', sizes: [{ width: 160, height: 160, policy: 'local' }], output: { format: 'png', quality: 90 } },
  fal: { name: 'Hostile fal', sizes: [{ width: 1080, height: 1080, policy: 'fal' }], output: { format: 'png', quality: 90 } },
};

/** Failures expected per file: the job's error code. */
const EXPECTED_FAILURES: Record<string, string> = {
  'passwd.svg': 'svg_external_reference',
  'xlink-file.svg': 'svg_external_reference',
  'use-file.svg': 'svg_external_reference',
  'url-image.svg': 'svg_external_reference',
  'css-url.svg': 'svg_external_reference',
  'xxe.svg': 'svg_external_reference',
  'giant.png': 'pixel_limit_exceeded',
  'bogus-rows.tif': 'corrupt_image',
  'empty.jpg': 'empty_file',
  'vanishing.jpg': 'file_not_found',
};

const execFileAsync = promisify(execFile);
let bait: Server;
const baitRequests: string[] = [];

beforeAll(async () => {
  // What the SVGs' URLs point at: it must never be asked for anything.
  bait = createServer((request, response) => {
    baitRequests.push(`${request.method} ${request.url}`);
    response.end();
  });
  await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => bait.close(resolve));
});

async function meanColour(image: string | Buffer): Promise<[number, number, number]> {
  const { channels } = await sharp(image).stats();
  return [channels[0]!.mean, channels[1]!.mean, channels[2]!.mean];
}

describe.each(['local', 'fal'] as const)('hostile images with the %s provider', (provider) => {
  let harness: EngineHarness;
  let jobs: JobRecord[];
  let drop: string;

  beforeAll(async () => {
    harness = await startEngineHarness({ profile: PROFILES[provider] });
    drop = join(harness.root, 'drop');
    await mkdir(join(drop, 'x.jpg'), { recursive: true });
    await writeFile(join(harness.root, 'red.png'), await sharp({ create: { width: 20, height: 20, channels: 3, background: '#ff0000' } }).png().toBuffer());
    await writeFile(join(harness.root, 'other.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect id="shape" width="100" height="100" fill="#ff0000"/></svg>');
    const url = `http://127.0.0.1:${(bait.address() as AddressInfo).port}`;
    const svgs = externalSvgs({ redPng: join(harness.root, 'red.png'), otherSvg: join(harness.root, 'other.svg'), url });
    for (const [name, text] of Object.entries(svgs)) await writeFile(join(drop, name), text);
    await writeFile(join(drop, 'hidden-frame.gif'), await hiddenFrameGif());
    await writeFile(join(drop, 'giant.png'), giantPng());
    await writeFile(join(drop, 'bogus-rows.tif'), bogusRowsTiff());
    await writeFile(join(drop, 'empty.jpg'), '');
    await writeTestJpeg(join(drop, 'vanishing.jpg'), 301);
    await writeTestJpeg(join(drop, 'good.jpg'), 302);

    // Queued while paused, so the file can vanish between intake (hashed, job made) and the run reading it.
    harness.engine.pause('user');
    const names = [...Object.keys(svgs), 'hidden-frame.gif', 'giant.png', 'bogus-rows.tif', 'empty.jpg', 'vanishing.jpg', 'x.jpg', 'good.jpg'];
    const queued = await harness.engine.enqueuePaths(names.map((name) => join(drop, name)), harness.profile.id);
    expect(queued.refused).toEqual([]);
    await unlink(join(drop, 'vanishing.jpg'));
    harness.engine.resume();
    jobs = await harness.waitForJobs(names.length - 1, ['done', 'failed'], 45_000);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('fails each hostile file with a reason naming it', () => {
    for (const [name, code] of Object.entries(EXPECTED_FAILURES)) {
      const job = jobs.find((candidate) => candidate.sourceName === name);
      expect(job, name).toBeDefined();
      expect({ name, state: job!.state, code: job!.errorCode }).toEqual({ name, state: 'failed', code });
      expect(job!.errorMessage, name).toContain(`"${name}"`);
    }
  });

  it('goes on with the rest of the batch: the good image is done with its outputs', async () => {
    const good = jobs.find((job) => job.sourceName === 'good.jpg')!;
    expect(good.state).toBe('done');
    const outputs = await harness.store.outputs.listOutputs(good.id);
    expect(outputs.map((output) => output.target)).toEqual([`${PROFILES[provider].sizes[0]!.width}x${PROFILES[provider].sizes[0]!.height}`]);
  });

  it('uses only the visible first frame of the hidden-frame GIF, in outputs and in what fal receives', async () => {
    const gif = jobs.find((job) => job.sourceName === 'hidden-frame.gif')!;
    expect(gif.state).toBe('done');
    for (const output of await harness.store.outputs.listOutputs(gif.id)) {
      const [red, green] = await meanColour(output.path);
      expect(red).toBeGreaterThan(200);
      expect(green).toBeLessThan(60);
    }
    if (provider === 'fal') {
      const submits = harness.submitsOf(gif);
      expect(submits).toHaveLength(1);
      const upload = harness.fake.uploads().find((candidate) => candidate.fileName.startsWith(gif.contentHash.slice(0, 32)))!;
      const [red, green] = await meanColour(Buffer.from(await (await fetch(upload.fileUrl)).arrayBuffer()));
      expect(red).toBeGreaterThan(200);
      expect(green).toBeLessThan(60);
    }
  });

  it('never read or fetched what the SVGs point at, and uploaded no hostile file to fal', () => {
    expect(baitRequests).toEqual([]);
    if (provider === 'fal') {
      // The good image and the GIF's first frame: nothing that failed intake was sent.
      expect(harness.fake.uploads()).toHaveLength(2);
    }
  });

  it('makes no job for a folder named like an image, dropped or inside a watched folder, and stays up', async () => {
    expect(jobs.map((job) => job.sourceName)).not.toContain('x.jpg');
    await mkdir(join(harness.watched, 'y.jpg'));
    await writeTestJpeg(join(harness.watched, 'after.jpg'), 303);
    await harness.waitForJob('after.jpg', ['done'], 30_000);
    expect((await harness.jobs()).map((job) => job.sourceName)).not.toContain('y.jpg');
    const status = await untilEngine(harness.engine, () => harness.engine.folderStatuses().find((candidate) => candidate.folderId === harness.folderId), { what: 'folder status' });
    expect(status.state).toBe('watching');
    expect(harness.engine.queueStatus().state).toBe('running');
  });
});

describe('unreadable (chmod 000) files, as an unprivileged user', () => {
  it('skips one unreadable at drop or in a watched folder with a reason, fails one that became unreadable, and goes on', async (context) => {
    // The checkout may be where that user cannot read it (a private folder): then the child runs from a copy.
    const child = await prepareUnprivilegedChild();
    if ('skip' in child) {
      console.warn(`Skipped: ${child.skip}`);
      return context.skip(child.skip);
    }
    const root = await mkdtemp(join(tmpdir(), 'sr-unreadable-'));
    // The child runs as nobody: it must be able to create its folders here.
    await chmod(root, 0o777);
    try {
      const command = child.command(join(import.meta.dirname, 'support', 'unreadableFilesChild.ts'), [root]);
      const { stdout } = await execFileAsync(command[0]!, command.slice(1), { cwd: child.cwd, env: { ...process.env, HOME: root }, timeout: 50_000 });
      const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
        uid: number;
        refused: Array<{ path: string; reason: string }>;
        jobs: Array<{ name: string; state: string; code: string | null; message: string | null }>;
        notices: string[];
        queue: string;
        folder: string[];
      };
      expect(report.uid).not.toBe(0);
      expect(report.refused).toEqual([{ path: join(root, 'drop', 'locked-before.jpg'), reason: expect.stringMatching(/permission denied|EACCES/i) }]);
      const byName = Object.fromEntries(report.jobs.map((job) => [job.name, job]));
      expect(byName['locked-later.jpg']).toMatchObject({ state: 'failed', code: 'file_unreadable', message: '"locked-later.jpg" cannot be read: permission denied.' });
      expect(byName['good.jpg']?.state).toBe('done');
      expect(byName['visible.jpg']?.state).toBe('done');
      expect(byName['locked-in-folder.jpg']).toBeUndefined();
      expect(report.notices.join('\n')).toMatch(/locked-in-folder\.jpg/);
      expect(report).toMatchObject({ queue: 'running', folder: ['watching'] });
    } finally {
      await rm(root, { recursive: true, force: true });
      await child.dispose();
    }
  });
});
