import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const config = load(readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const schema = JSON.parse(readFileSync(resolve(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;

// Packaging itself downloads Electron, which these machines cannot: the config is checked offline against
// electron-builder's own JSON schema, and for the settings the security design depends on.
describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check can fail (an unknown key is refused)', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('sets every fuse the security design asks for', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('unpacks sharp, its libvips packages and the SQLite binding from the asar', () => {
    expect(config['asarUnpack']).toEqual(expect.arrayContaining(['node_modules/sharp/**', 'node_modules/@img/**', 'node_modules/libsql/**', 'node_modules/@libsql/**']));
  });

  it('builds AppImage + deb, dmg and nsis, each without the other platforms’ native prebuilds', () => {
    const platform = (name: string) => config[name] as { target: unknown; files: string[] };
    expect(platform('linux').target).toEqual(['AppImage', 'deb']);
    expect(platform('mac').target).toBe('dmg');
    expect(platform('win').target).toBe('nsis');
    expect(platform('linux').files.join(' ')).toMatch(/darwin.*win32/);
    expect(platform('mac').files.join(' ')).toMatch(/linux.*win32/);
    expect(platform('win').files.join(' ')).toMatch(/linux.*darwin/);
  });
});
