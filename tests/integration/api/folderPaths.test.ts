import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { HostServices } from '../../../electron/engine/api/hostServices';
import type { PathPolicy } from '../../../electron/engine/api/pathPolicy';
import { Engine } from '../../../electron/engine/runtime/engine';
import { ProfileStore } from '../../../electron/engine/profiles';
import type { ApiHandlers } from '../../../electron/shared/contract/types';
import { HARNESS_TIMING } from '../../support/engine/engineHarness';
import { untilEngine } from '../../support/engine/engineWaits';

// What a typed folder path becomes, through the API as the headless host binds it (watched folders inside home).

const host: HostServices = { openPath: async () => undefined, revealPath: async () => undefined, pickFolder: async () => null, keyStorage: 'file' };

let root: string;
let home: string;
let engine: Engine;
let api: ApiHandlers;
let profileId: string;
const call = async (verb: string, input?: unknown): Promise<never> => {
  const result = await dispatchCall(api, verb, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as never;
};
const refusal = (verb: string, input: unknown) => call(verb, input).then(() => ({ code: 'none', message: 'accepted' }), (error: Error & { code: string }) => ({ code: error.code, message: error.message }));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'smart-resize-folder-paths-'));
  home = join(root, 'home');
  mkdirSync(join(home, 'Incoming'), { recursive: true });
  const pathPolicy: PathPolicy = { sourceRoots: () => [home], folderRoots: () => [home], describeSourceRoots: 'home', describeFolderRoots: `your home folder (${home})` };
  engine = new Engine({ dataDir: join(root, 'data'), env: {}, forceProvider: 'local', timing: HARNESS_TIMING });
  api = engine.api(host, { pathPolicy, homeDir: home });
  await engine.start();
  profileId = new ProfileStore({ dataDir: join(root, 'data') }).create({ name: 'Folders', sizes: [{ width: 64, height: 64, policy: 'local' }], output: { format: 'jpeg', quality: 80 } }).id;
});
afterAll(async () => {
  await engine.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('watched folder paths', () => {
  it('expands ~ to the home folder', async () => {
    const folder = (await call('folders.add', { path: '~/Incoming', profileId })) as { path: string };
    expect(folder.path).toBe(join(home, 'Incoming'));
    await call('folders.remove', { id: (folder as unknown as { id: string }).id });
  });

  it('refuses a relative path with a message, rather than resolving it against the server’s working folder', async () => {
    expect(await refusal('folders.add', { path: 'Incoming', profileId })).toEqual({
      code: 'invalid_settings',
      message: '"Incoming" is a relative path: enter the folder’s full path, like /home/you/Incoming, or start it with ~/ for your home folder.',
    });
    expect(await call('folders.list')).toEqual([]);
  });

  it('refuses a folder that does not exist, saying it can be created, and creates it when asked', async () => {
    const wanted = join(home, 'Spring campaign', 'in');
    expect(await refusal('folders.add', { path: wanted, profileId })).toEqual({
      code: 'folder_not_found',
      message: `${wanted} does not exist. Create it, or check the path.`,
    });
    expect(await call('folders.list')).toEqual([]);

    const folder = (await call('folders.add', { path: '~/Spring campaign/in', profileId, createIfMissing: true })) as { id: string; path: string };
    expect(folder.path).toBe(wanted);
    expect(statSync(wanted).isDirectory()).toBe(true);
    const status = await untilEngine(engine, async () => {
      const listed = ((await call('folders.list')) as Array<{ id: string; status: string }>).find((candidate) => candidate.id === folder.id);
      return listed?.status === 'watching' ? listed.status : undefined;
    }, { what: 'the created folder watched' });
    expect(status).toBe('watching');
    await call('folders.remove', { id: folder.id });
  });

  it('never creates a folder outside the allowed places', async () => {
    const outside = join(root, 'elsewhere', 'new');
    expect((await refusal('folders.add', { path: outside, profileId, createIfMissing: true })).code).toBe('path_not_allowed');
    expect(existsSync(join(root, 'elsewhere'))).toBe(false);
  });

  it('refuses a file where a folder is expected', async () => {
    writeFileSync(join(home, 'photo.jpg'), 'x');
    expect(await refusal('folders.add', { path: '~/photo.jpg', profileId })).toEqual({
      code: 'invalid_settings',
      message: `${join(home, 'photo.jpg')} is a file, not a folder.`,
    });
  });
});
