import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { HostServices } from '../../../electron/engine/api/hostServices';
import { Engine } from '../../../electron/engine/runtime/engine';
import type { StoreChoice } from '../../../electron/shared/schemas/storeChoice';
import { freshDatabase } from '../../support/postgres/freshDatabase';

const host: HostServices = { openPath: async () => {}, revealPath: async () => {}, pickFolder: async () => null, keyStorage: 'plaintext-fallback' };
const engines: Engine[] = [];
const roots: string[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** An engine on `dataDir` (not started: the store choice is made at construction) and its verbs. */
function engineOn(dataDir: string, env: Record<string, string> = {}) {
  const engine = new Engine({ dataDir, env });
  engines.push(engine);
  const handlers = engine.api(host);
  return async (verb: string, input?: unknown) => dispatchCall(handlers, verb, input);
}

/** The URL with a password, as a person types it (the cluster itself trusts local connections). */
const withPassword = (url: string) => url.replace('postgresql://postgres@', 'postgresql://postgres:s3cret@');

describe('the job store as a Settings setting', () => {
  it('saves a team URL only once it answers and its schema is not newer than the app; applied at the next start', async () => {
    const root = mkdtempSync(join(tmpdir(), 'store-setting-'));
    roots.push(root);
    const dataDir = join(root, 'data');
    let call = engineOn(dataDir);
    expect(await call('settings.store')).toMatchObject({ ok: true, value: { inUse: { kind: 'sqlite' }, source: 'default', saved: null, restartToApply: false } });

    // Nothing listens there: refused with the reason, nothing saved.
    const silent = await call('settings.setStore', { url: 'postgres://team:pw@127.0.0.1:9/studio' });
    expect(silent).toMatchObject({ ok: false, error: { code: 'database_error', message: expect.stringMatching(/^The team database postgres:\/\/team:\*\*\*@127\.0\.0\.1:9\/studio does not answer/) } });
    expect(await call('settings.store')).toMatchObject({ ok: true, value: { saved: null } });

    // A database a newer app migrated: refused, saying so.
    const newer = await freshDatabase(inject('pgUrl'));
    const client = new pg.Client({ connectionString: newer });
    await client.connect();
    await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    await client.query("INSERT INTO schema_migrations VALUES (999, 'from the future', 0)");
    await client.end();
    expect(await call('settings.setStore', { url: newer })).toMatchObject({ ok: false, error: { code: 'database_error', message: expect.stringContaining('schema version 999, written by a newer Smart Resize') } });

    // A fresh team database: saved (password redacted in what is shown), in use after a restart.
    const team = withPassword(await freshDatabase(inject('pgUrl')));
    const saved = await call('settings.setStore', { url: team });
    expect(saved).toMatchObject({ ok: true, value: { inUse: { kind: 'sqlite' }, saved: expect.stringContaining('postgres:***@'), restartToApply: true } });
    expect(JSON.stringify(saved)).not.toContain('s3cret');
    await engines.pop()!.stop();
    call = engineOn(dataDir);
    const after = (await call('settings.store')) as { ok: true; value: StoreChoice };
    expect(after.value).toMatchObject({ inUse: { kind: 'postgres' }, source: 'setting', restartToApply: false });
    expect(after.value.inUse.location).toContain('postgres:***@');

    // SMART_RESIZE_STORE overrides the setting, and says so.
    await engines.pop()!.stop();
    call = engineOn(dataDir, { SMART_RESIZE_STORE: 'sqlite' });
    expect(await call('settings.store')).toMatchObject({ ok: true, value: { inUse: { kind: 'sqlite' }, source: 'env', restartToApply: false } });
  });

  it("saves this instance's name for the next start; --instance and SMART_RESIZE_INSTANCE override it", async () => {
    const root = mkdtempSync(join(tmpdir(), 'store-setting-'));
    roots.push(root);
    const dataDir = join(root, 'data');
    const team = await freshDatabase(inject('pgUrl'));
    let call = engineOn(dataDir, { SMART_RESIZE_STORE: team, SMART_RESIZE_INSTANCE: 'from-env' });
    expect(await call('settings.store')).toMatchObject({ ok: true, value: { instance: { inUse: 'from-env', saved: null, next: 'from-env', source: 'env', restartToApply: false } } });
    // Refused: no name at all, or control characters in it.
    expect(await call('settings.setInstance', { name: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Name: give the instance a name, or use the default.' } });
    expect(await call('settings.setInstance', { name: 'a\u0007b' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Saved under the environment's name: it stays in force, so no restart applies it.
    expect(await call('settings.setInstance', { name: ' studio-mac ' })).toMatchObject({ ok: true, value: { instance: { inUse: 'from-env', saved: 'studio-mac', next: 'from-env', restartToApply: false } } });

    await engines.pop()!.stop();
    call = engineOn(dataDir, { SMART_RESIZE_STORE: team });
    expect(await call('settings.store')).toMatchObject({ ok: true, value: { instance: { inUse: 'studio-mac', saved: 'studio-mac', source: 'setting', restartToApply: false } } });
    // Back to the default: applied at the next start, which says so.
    const reset = (await call('settings.setInstance', { name: null })) as { ok: true; value: StoreChoice };
    expect(reset.value.instance).toMatchObject({ inUse: 'studio-mac', saved: null, restartToApply: true });
    expect(reset.value.instance.next).toMatch(/@/);
  });
});
