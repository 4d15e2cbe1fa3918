import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENCRYPTED_KEY_FILE, SafeStorageKeyStore, type SafeStorageApi } from '../../../electron/main/host/safeStorageKeyStore';

const SENTINEL_KEY = 'sentinel-key-1234:abcd5678efgh';

/** A safeStorage stand-in whose "encryption" is reversible but never contains the text it was given. */
function fakeSafeStorage(options: { available?: boolean; backend?: ReturnType<SafeStorageApi['getSelectedStorageBackend']>; availableWithPlainText?: boolean } = {}) {
  let plainText = false;
  const api = {
    isAsyncEncryptionAvailable: vi.fn(async () => options.available ?? (plainText && (options.availableWithPlainText ?? false))),
    encryptStringAsync: vi.fn(async (text: string) => Buffer.concat([Buffer.from('v10'), Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)])),
    decryptStringAsync: vi.fn(async (bytes: Buffer) => {
      if (bytes.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: Buffer.from(bytes.subarray(3).map((byte) => byte ^ 0x5a)).toString('utf8'), shouldReEncrypt: false };
    }),
    getSelectedStorageBackend: vi.fn(() => options.backend ?? 'gnome_libsecret'),
    setUsePlainTextEncryption: vi.fn((use: boolean) => {
      plainText = use;
    }),
  };
  return api satisfies SafeStorageApi;
}

let dataDir: string;
let logs: string[];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sr-keystore-'));
  logs = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' ')));
  }
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dataDir, { recursive: true, force: true });
  // Whatever happened, the key never reached a log line.
  expect(logs.join('\n')).not.toContain(SENTINEL_KEY);
});

describe('SafeStorageKeyStore', () => {
  it('keeps the key encrypted on disk and reads it back in a new session', async () => {
    const safeStorage = fakeSafeStorage({ available: true });
    const store = await SafeStorageKeyStore.open({ dataDir, safeStorage, platform: 'darwin' });
    expect(store.read()).toBeUndefined();
    store.write(`  ${SENTINEL_KEY}\n`);
    expect(store.read()).toBe(SENTINEL_KEY);
    await store.flush();
    const onDisk = await readFile(join(dataDir, ENCRYPTED_KEY_FILE));
    expect(onDisk.toString('latin1')).not.toContain(SENTINEL_KEY);
    expect((await stat(join(dataDir, ENCRYPTED_KEY_FILE))).mode & 0o777).toBe(0o600);
    const reopened = await SafeStorageKeyStore.open({ dataDir, safeStorage, platform: 'darwin' });
    expect(reopened.read()).toBe(SENTINEL_KEY);
    expect(reopened.storage).toBe('safeStorage');
  });

  it('forgets the key in memory and on disk', async () => {
    const safeStorage = fakeSafeStorage({ available: true });
    const store = await SafeStorageKeyStore.open({ dataDir, safeStorage, platform: 'win32' });
    store.write(SENTINEL_KEY);
    store.clear();
    expect(store.read()).toBeUndefined();
    await store.flush();
    await expect(stat(join(dataDir, ENCRYPTED_KEY_FILE))).rejects.toThrow();
    expect((await SafeStorageKeyStore.open({ dataDir, safeStorage, platform: 'win32' })).read()).toBeUndefined();
  });

  it("reports the plain-text fallback when Linux has no keyring (basic_text), and still works", async () => {
    const safeStorage = fakeSafeStorage({ backend: 'basic_text', availableWithPlainText: true });
    const store = await SafeStorageKeyStore.open({ dataDir, safeStorage, platform: 'linux' });
    expect(store.storage).toBe('plaintext-fallback');
    expect(safeStorage.setUsePlainTextEncryption).toHaveBeenCalledWith(true);
    store.write(SENTINEL_KEY);
    await store.flush();
    expect((await SafeStorageKeyStore.open({ dataDir, safeStorage, platform: 'linux' })).read()).toBe(SENTINEL_KEY);
  });

  it('reports safeStorage with a Linux keyring, and only looks at the backend on Linux', async () => {
    expect((await SafeStorageKeyStore.open({ dataDir, safeStorage: fakeSafeStorage({ available: true, backend: 'kwallet6' }), platform: 'linux' })).storage).toBe('safeStorage');
    const mac = fakeSafeStorage({ available: true, backend: 'basic_text' });
    expect((await SafeStorageKeyStore.open({ dataDir, safeStorage: mac, platform: 'darwin' })).storage).toBe('safeStorage');
  });

  it('refuses to store a key when no encryption is available', async () => {
    const store = await SafeStorageKeyStore.open({ dataDir, safeStorage: fakeSafeStorage({ available: false }), platform: 'darwin' });
    expect(() => store.write(SENTINEL_KEY)).toThrow(expect.objectContaining({ code: 'key_storage_unavailable' }));
    expect(store.read()).toBeUndefined();
  });

  it('treats a key that no longer decrypts as absent, with a warning that does not quote it', async () => {
    await writeFile(join(dataDir, ENCRYPTED_KEY_FILE), `garbage ${SENTINEL_KEY}`);
    const store = await SafeStorageKeyStore.open({ dataDir, safeStorage: fakeSafeStorage({ available: true }), platform: 'darwin' });
    expect(store.read()).toBeUndefined();
    expect(logs.some((line) => line.includes('could not be decrypted'))).toBe(true);
  });

  it('re-encrypts a key when safeStorage asks for it', async () => {
    const safeStorage = fakeSafeStorage({ available: true });
    const first = await SafeStorageKeyStore.open({ dataDir, safeStorage, platform: 'darwin' });
    first.write(SENTINEL_KEY);
    await first.flush();
    safeStorage.decryptStringAsync.mockImplementationOnce(async () => ({ result: SENTINEL_KEY, shouldReEncrypt: true }));
    safeStorage.encryptStringAsync.mockClear();
    const second = await SafeStorageKeyStore.open({ dataDir, safeStorage, platform: 'darwin' });
    await second.flush();
    expect(second.read()).toBe(SENTINEL_KEY);
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledOnce();
  });

  it('logs a failed save without the key, and keeps the key for this session', async () => {
    const safeStorage = fakeSafeStorage({ available: true });
    safeStorage.encryptStringAsync.mockRejectedValueOnce(new Error('keychain locked'));
    const store = await SafeStorageKeyStore.open({ dataDir, safeStorage, platform: 'darwin' });
    store.write(SENTINEL_KEY);
    await store.flush();
    expect(store.read()).toBe(SENTINEL_KEY);
    expect(logs.some((line) => line.includes('could not be saved: keychain locked'))).toBe(true);
  });
});
