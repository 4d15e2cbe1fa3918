import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { HostServices } from '../../../electron/engine/api/hostServices';
import { Engine } from '../../../electron/engine/runtime/engine';
import { ProfileStore } from '../../../electron/engine/profiles';
import type { ApiHandlers } from '../../../electron/shared/contract/types';
import { HARNESS_TIMING } from '../../support/engine/engineHarness';

// Importing a profile file whose name is already taken says what happened, and lets the person choose.

const host: HostServices = { openPath: async () => undefined, revealPath: async () => undefined, pickFolder: async () => null, keyStorage: 'file' };

let root: string;
let engine: Engine;
let api: ApiHandlers;
const call = async (verb: string, input?: unknown): Promise<never> => {
  const result = await dispatchCall(api, verb, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as never;
};
interface Imported {
  outcome: string;
  profile: { id: string; name: string; version: number; output: { quality: number } };
  canReplace?: boolean;
}
const names = async () => ((await call('profiles.list')) as Array<{ name: string; builtIn: boolean }>).filter((profile) => !profile.builtIn).map((profile) => profile.name);

/** The test's own handle on the profiles file the engine reads (the engine keeps its parts private). */
const profiles = () => new ProfileStore({ dataDir: join(root, 'data') });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'smart-resize-import-'));
  engine = new Engine({ dataDir: join(root, 'data'), env: {}, forceProvider: 'local', timing: HARNESS_TIMING });
  api = engine.api(host);
  await engine.start();
});
afterAll(async () => {
  await engine.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('profiles.import of a name already taken', () => {
  let file: string;
  let originalId: string;

  it('imports a new profile and says it was created', async () => {
    const original = profiles().create({ name: 'Launch', sizes: [{ width: 500, height: 500, policy: 'local' }], output: { format: 'jpeg', quality: 90 } });
    originalId = original.id;
    file = profiles().exportProfile(original.id);
    profiles().remove(original.id);
    const imported = (await call('profiles.import', { json: file })) as Imported;
    expect(imported).toMatchObject({ outcome: 'created', profile: { name: 'Launch', version: 1 } });
    originalId = imported.profile.id;
  });

  it('says an identical re-import changed nothing, and makes no copy', async () => {
    const again = (await call('profiles.import', { json: file })) as Imported;
    expect(again).toMatchObject({ outcome: 'unchanged', profile: { id: originalId, name: 'Launch', version: 1 } });
    expect(await names()).toEqual(['Launch']);
  });

  it('asks before saving a different profile under a taken name, then keeps both or replaces as chosen', async () => {
    const changed = file.replace('"quality": 90', '"quality": 70');
    const asked = (await call('profiles.import', { json: changed })) as Imported;
    expect(asked).toMatchObject({ outcome: 'conflict', canReplace: true, profile: { id: originalId, version: 1, output: { quality: 90 } } });
    expect(await names()).toEqual(['Launch']);

    const both = (await call('profiles.import', { json: changed, ifExists: 'keep_both' })) as Imported;
    expect(both).toMatchObject({ outcome: 'renamed', profile: { name: 'Launch (imported)', output: { quality: 70 } } });

    const replaced = (await call('profiles.import', { json: changed.replace('"quality": 70', '"quality": 60'), ifExists: 'replace' })) as Imported;
    expect(replaced).toMatchObject({ outcome: 'new_version', profile: { id: originalId, version: 2, output: { quality: 60 } } });
    expect((await names()).sort()).toEqual(['Launch', 'Launch (imported)']);
  });

  it('never offers to replace a built-in preset', async () => {
    const youtube = profiles().exportProfile('builtin:youtube').replace(/"quality": \d+/, '"quality": 42');
    const asked = (await call('profiles.import', { json: youtube })) as Imported;
    expect(asked).toMatchObject({ outcome: 'conflict', canReplace: false });
    await expect(call('profiles.import', { json: youtube, ifExists: 'replace' })).rejects.toThrow(/built-in/);
  });
});
