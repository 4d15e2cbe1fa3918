import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_NAMING_TEMPLATE } from '../../../electron/engine/output/namingTemplate';
import { startHeadlessServer, type HeadlessServer } from '../../../electron/server/headless/startHeadlessServer';
import { HTTP_ROUTES, type Profile } from '../../../electron/shared';
import { HARNESS_TIMING } from '../../support/engine/engineHarness';

/** An answer as a client sees it. */
export interface RawAnswer {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
}

/** The real headless server on loopback, in throw-away folders: home/photos is watched, outside/ is not. */
export interface HeadlessFixture {
  readonly server: HeadlessServer;
  readonly root: string;
  readonly home: string;
  readonly watched: string;
  readonly outside: string;
  readonly dataDir: string;
  readonly profile: Profile;
  /** POSTs a raw body to a verb with the token. */
  callRaw(verb: string, body?: string | Buffer, init?: RequestInit): Promise<RawAnswer>;
  /** Calls a verb with a JSON input. */
  call(verb: string, input?: unknown): Promise<RawAnswer>;
  /** Any request to the server with the token. */
  request(path: string, init?: RequestInit): Promise<RawAnswer>;
  close(): Promise<void>;
}

/** Largest upload the fixture's server accepts, small enough to test the limit cheaply. */
export const FIXTURE_MAX_UPLOAD = 256 * 1024;

async function answer(response: Response): Promise<RawAnswer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/**
 * Starts the headless host (real engine, local provider, fal's probe answered by a stub so nothing leaves the
 * machine) with a local-only profile and one watched folder inside the home folder.
 */
export async function startHeadlessFixture(
  options: {
    allowedFolders?: (root: string) => string[];
    /** Files to leave in the data folder before the server starts (an inbox an earlier run left behind). */
    beforeStart?: (dataDir: string) => void;
  } = {},
): Promise<HeadlessFixture> {
  const root = mkdtempSync(join(tmpdir(), 'sr-security-'));
  const home = join(root, 'home');
  const watched = join(home, 'photos');
  const outside = join(root, 'outside');
  const dataDir = join(root, 'data');
  const rendererDir = join(root, 'renderer');
  for (const folder of [watched, outside, rendererDir]) mkdirSync(folder, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Smart Resize</title>');
  const probe = (async () => new Response(null, { status: 204 })) as unknown as typeof fetch;
  const allowedFolders = options.allowedFolders?.(root) ?? [];
  for (const folder of allowedFolders) mkdirSync(folder, { recursive: true });
  options.beforeStart?.(dataDir);
  const server = await startHeadlessServer({
    engine: { dataDir, env: {}, fetch: probe, timing: HARNESS_TIMING },
    homeDir: home,
    allowedFolders,
    rendererDir,
    maxUploadBytes: FIXTURE_MAX_UPLOAD,
  });
  const { origin, token } = server.http;
  const request = async (path: string, init: RequestInit = {}) =>
    answer(await fetch(`${origin}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } }));
  const callRaw = (verb: string, body?: string | Buffer, init: RequestInit = {}) =>
    request(`${HTTP_ROUTES.call}${verb}`, { method: 'POST', body, ...init });
  const call = (verb: string, input?: unknown) =>
    callRaw(verb, input === undefined ? undefined : JSON.stringify(input), { headers: { 'Content-Type': 'application/json' } });

  const created = await call('profiles.create', {
    draft: {
      name: 'Security local',
      sizes: [{ width: 64, height: 64, policy: 'local' }],
      output: { format: 'jpeg', quality: 80 },
      naming: { template: DEFAULT_NAMING_TEMPLATE, collision: 'suffix' },
      fal: { prompt: '', numImagesPerSize: 1, resolution: '1K', safetyTolerance: '2' },
    },
  });
  if (created.status !== 200) throw new Error(`profiles.create answered ${created.status}: ${created.text}`);
  const profile = created.json as Profile;
  const folder = await call('folders.add', { path: watched, profileId: profile.id });
  if (folder.status !== 200) throw new Error(`folders.add answered ${folder.status}: ${folder.text}`);
  return {
    server, root, home, watched, outside, dataDir, profile, callRaw, call, request,
    close: async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
