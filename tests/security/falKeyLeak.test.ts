import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { JOB_DB_FILE } from '../../electron/engine/store/sqlite/database';
import { startHeadlessServer, type HeadlessServer } from '../../electron/server/headless/startHeadlessServer';
import { HTTP_ROUTES, TOKEN_QUERY, VERB_NAMES, type Job, type Profile } from '../../electron/shared';
import { getVerbSpec } from '../../electron/shared/contract/verbLookup';
import { runCli } from '../support/cli/runCli';
import { FAL_PROFILE, HARNESS_TIMING } from '../support/engine/engineHarness';
import { pollUntil } from '../support/engine/pollUntil';
import { makeTestJpeg, writeTestJpeg } from '../support/engine/testImages';
import { prepareWatchData, WatchProcess } from '../support/engine/watchProcess';
import { startFakeFal, type FakeFal } from '../support/fakeFal';

// A full run with a sentinel fal key, then a search for it everywhere the key must never be: every HTTP answer and
// WebSocket message the UI receives, the host's logs, the CLI's output, a crash's output, exported profiles, and
// every byte at rest in the data folder (the SQLite file included) except the key file itself.
const SENTINEL = 'sentinel-fal-key-DO-NOT-LEAK-1234';
const NEEDLES = [SENTINEL, 'DO-NOT-LEAK', Buffer.from(SENTINEL).toString('base64'), encodeURIComponent(SENTINEL)];

const places: Array<{ where: string; text: string }> = [];
const record = (where: string, content: string | Buffer) => places.push({ where, text: Buffer.isBuffer(content) ? content.toString('latin1') : content });
const leaks = () => places.filter((place) => NEEDLES.some((needle) => place.text.includes(needle))).map((place) => `${place.where}: ${place.text.slice(0, 300)}`);

let root: string;
let fake: FakeFal;
let server: HeadlessServer;
let restoreLogs: () => void;

/** Everything the process writes to its console or standard streams while the host runs. */
function captureLogs(): () => void {
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => record(`console.${level}`, format(...args))),
  );
  const streams = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      record(stream === process.stdout ? 'stdout' : 'stderr', typeof chunk === 'string' ? chunk : Buffer.from(chunk));
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    return () => (stream.write = original as typeof stream.write);
  });
  return () => {
    spies.forEach((spy) => spy.mockRestore());
    streams.forEach((restore) => restore());
  };
}

async function api(verb: string, input?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${server.http.origin}${HTTP_ROUTES.call}${verb}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.http.token}`, 'Content-Type': 'application/json' },
    body: input === undefined ? undefined : JSON.stringify(input),
  });
  const text = await response.text();
  record(`POST ${verb} -> ${response.status}`, text);
  return { status: response.status, json: JSON.parse(text) as unknown };
}

async function jobsNow(): Promise<Job[]> {
  return ((await api('jobs.query', { limit: 200 })).json as { items: Job[] }).items;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sr-key-leak-'));
  fake = await startFakeFal({ key: SENTINEL, latency: { processingMs: 50, concurrency: 4 } });
  restoreLogs = captureLogs();
  mkdirSync(join(root, 'home', 'photos'), { recursive: true });
  server = await startHeadlessServer({
    engine: { dataDir: join(root, 'data'), env: {}, falHostOverride: fake.url, timing: HARNESS_TIMING },
    homeDir: join(root, 'home'),
    rendererDir: join(root, 'home'),
  });
});

afterAll(async () => {
  restoreLogs?.();
  await server?.close();
  await fake?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the fal key', () => {
  it('never reaches the UI or the logs through a full headless run, a 401 included', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.http.port}${HTTP_ROUTES.events}?${TOKEN_QUERY}=${server.http.token}`);
    socket.on('message', (data) => record('websocket', String(data)));
    await new Promise((resolve) => socket.once('open', resolve));

    expect((await api('falKey.set', { key: SENTINEL })).json).toEqual({ configured: true, storage: 'file' });
    const profile = (await api('profiles.create', { draft: { ...FAL_PROFILE, naming: { template: '{folder}-{w}x{h}/{dir}/{name}.{ext}', collision: 'suffix' }, fal: { prompt: '', numImagesPerSize: 1, resolution: '1K', safetyTolerance: '2' } } })).json as Profile;
    const watched = join(root, 'home', 'photos');
    expect((await api('folders.add', { path: watched, profileId: profile.id })).status).toBe(200);
    await writeTestJpeg(join(watched, 'one.jpg'), 501);
    await writeTestJpeg(join(watched, 'two.jpg'), 502);
    const upload = await fetch(`${server.http.origin}${HTTP_ROUTES.upload}?name=dropped.jpg`, { method: 'POST', headers: { Authorization: `Bearer ${server.http.token}` }, body: await makeTestJpeg(503) });
    const saved = (await upload.json()) as { path: string };
    record('upload', JSON.stringify(saved));
    await api('jobs.enqueuePaths', { paths: [saved.path], profileId: profile.id });
    await pollUntil(async () => ((await jobsNow()).filter((job) => job.state === 'done').length === 3 ? true : undefined), { what: '3 jobs done', timeoutMs: 30_000 });

    // fal refuses the key: the queue pauses with fal's reason, shown to the UI; saving the key again resumes.
    fake.failNext('submit', { status: 401 });
    await writeTestJpeg(join(watched, 'three.jpg'), 504);
    await pollUntil(async () => (((await api('queue.state')).json as { state: string }).state === 'paused' ? true : undefined), { what: 'a paused queue', timeoutMs: 30_000 });
    await api('falKey.set', { key: SENTINEL });
    await pollUntil(async () => ((await jobsNow()).filter((job) => job.state === 'done').length === 4 ? true : undefined), { what: '4 jobs done', timeoutMs: 30_000 });

    // Everything else the UI can ask for.
    for (const verb of VERB_NAMES) {
      if (verb !== 'falKey.clear' && getVerbSpec(verb).input.safeParse(undefined).success) await api(verb);
    }
    for (const job of await jobsNow()) {
      await api('jobs.detail', { id: job.id });
      for (const output of job.outputs) await api('media.thumbnail', { path: output.path, maxSide: 32 });
    }
    for (const listed of (await api('profiles.list')).json as Profile[]) await api('profiles.export', { id: listed.id });
    await api('estimate.batch', { profileId: profile.id, fileCount: 3 });
    socket.close();

    // The run really used the sentinel: fal saw it (and answered), and the key file holds it.
    expect(fake.requests().some((request) => request.auth === 'valid')).toBe(true);
    expect(readFileSync(join(root, 'data', 'fal-key'), 'utf8').trim()).toBe(SENTINEL);
    expect(places.filter((place) => place.where === 'websocket').length).toBeGreaterThan(5);
    expect(places.some((place) => place.text.includes('HTTP 401'))).toBe(true);
    expect(leaks()).toEqual([]);
  });

  it('is in no file of the data folder or the outputs but the 0600 key file, the SQLite database included', () => {
    const keyFile = join(root, 'data', 'fal-key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    // The search works: the key file itself, read the same way, is found.
    expect(NEEDLES.some((needle) => readFileSync(keyFile).toString('latin1').includes(needle))).toBe(true);
    const files = filesUnder(root).filter((path) => path !== keyFile);
    expect(files).toContain(join(root, 'data', JOB_DB_FILE));
    for (const path of files) record(`file ${relative(root, path)}`, readFileSync(path));
    expect(leaks()).toEqual([]);
  });

  it('never appears in the CLI watch output, a 401 included, nor in its data folder', async () => {
    const dataDir = join(root, 'cli-data');
    const folder = join(root, 'cli-photos');
    mkdirSync(folder, { recursive: true });
    const profile = prepareWatchData(dataDir, FAL_PROFILE);
    const watch = await WatchProcess.start({ folder, profile: profile.name, dataDir, fake });
    try {
      await writeTestJpeg(join(folder, 'cli-one.jpg'), 511);
      await watch.waitForOutput(/cli-one\.jpg: done/, 30_000);
      fake.failNext('submit', { status: 401 });
      await writeTestJpeg(join(folder, 'cli-two.jpg'), 512);
      await watch.waitForOutput(/queue paused/, 30_000);
    } finally {
      await watch.interrupt();
    }
    record('cli watch output', watch.text);
    expect(watch.text).toContain('HTTP 401');
    for (const path of filesUnder(dataDir)) record(`cli file ${relative(root, path)}`, readFileSync(path));
    expect(leaks()).toEqual([]);
  });

  it('never appears in crash output: an unhandled fal error, and a CLI failing on a damaged database', async () => {
    const env = { ...process.env, FAL_KEY: SENTINEL };
    fake.failNext('submit', { status: 401 });
    const crash = await new Promise<{ code: number | null; output: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support', 'crashWithKeyChild.ts'), fake.url], { env }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
      );
    });
    record('crash output', crash.output);
    expect(crash.code).not.toBe(0);
    expect(crash.output).toMatch(/401|Unauthorized/);

    const damaged = join(root, 'damaged-data');
    mkdirSync(damaged);
    writeFileSync(join(damaged, JOB_DB_FILE), 'this is not a database '.repeat(100));
    const run = await runCli(['watch', join(root, 'cli-photos'), '--profile', 'Harness fal', '--data', damaged], { env: { FAL_KEY: SENTINEL } });
    record('cli failure', `${run.stdout}${run.stderr}`);
    expect(run.code).not.toBe(0);
    expect(leaks()).toEqual([]);
  });
});
