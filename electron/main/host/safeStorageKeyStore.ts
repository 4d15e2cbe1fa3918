import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SafeStorage } from 'electron';
import { describeError, SmartResizeError } from '../../domain/errors';
import type { FalKeyStore } from '../../engine/settings/falKeyStore';

/** The parts of Electron's safeStorage the key store uses (the asynchronous API: the sync one goes away in 46). */
export type SafeStorageApi = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend' | 'setUsePlainTextEncryption'
>;

/** File of the encrypted key in the data folder; only safeStorage can turn it back into the key. */
export const ENCRYPTED_KEY_FILE = 'fal-key.enc';

/**
 * The fal key encrypted with the OS keychain through safeStorage, in a 0600 file of the data folder. The engine
 * reads keys synchronously, so the decrypted key is kept in memory once opened; writes are encrypted and saved in
 * order in the background (`flush()` waits for them). On Linux without a keyring, Chromium falls back to a fixed
 * built-in password ("basic_text"): the key is then only obfuscated, which `storage` reports so Settings can warn.
 * The key itself is never logged.
 */
export class SafeStorageKeyStore implements FalKeyStore {
  private pendingWrites: Promise<void> = Promise.resolve();

  private constructor(
    private readonly safeStorage: SafeStorageApi,
    private readonly path: string,
    private key: string | undefined,
    private readonly available: boolean,
    readonly storage: 'safeStorage' | 'plaintext-fallback',
  ) {}

  /** Opens the store after the app is ready (safeStorage needs it) and decrypts a saved key, if any. */
  static async open(options: { dataDir: string; safeStorage: SafeStorageApi; platform?: NodeJS.Platform }): Promise<SafeStorageKeyStore> {
    const { safeStorage } = options;
    const platform = options.platform ?? process.platform;
    // Availability first: it initialises the encryptor, after which the selected backend is known.
    let available = await safeStorage.isAsyncEncryptionAvailable();
    const plaintextFallback = platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
    if (!available && plaintextFallback) {
      // Without a keyring Linux offers only its built-in password; take it (and say so) rather than refuse the key.
      safeStorage.setUsePlainTextEncryption(true);
      available = await safeStorage.isAsyncEncryptionAvailable();
    }
    const path = join(options.dataDir, ENCRYPTED_KEY_FILE);
    const saved = available ? await decryptSavedKey(safeStorage, path) : undefined;
    const store = new SafeStorageKeyStore(safeStorage, path, saved?.value, available, plaintextFallback ? 'plaintext-fallback' : 'safeStorage');
    // safeStorage rotated its key (or found a stronger backend): save the key again under the new one.
    if (saved?.reEncrypt) store.write(saved.value);
    return store;
  }

  read(): string | undefined {
    return this.key;
  }

  write(key: string): void {
    if (!this.available) {
      throw new SmartResizeError('key_storage_unavailable', 'This computer offers no encryption to keep the fal key safely (no keychain or keyring).');
    }
    const value = key.trim();
    this.key = value;
    this.queue(async () => {
      const encrypted = await this.safeStorage.encryptStringAsync(value);
      await mkdir(dirname(this.path), { recursive: true });
      // Write then rename, so a crash mid-write never leaves half a key that no longer decrypts.
      await writeFile(`${this.path}.tmp`, encrypted, { mode: 0o600 });
      await rename(`${this.path}.tmp`, this.path);
    });
  }

  clear(): void {
    this.key = undefined;
    this.queue(() => rm(this.path, { force: true }));
  }

  /** Resolves when every write so far is on disk (the app waits for it before quitting). */
  flush(): Promise<void> {
    return this.pendingWrites;
  }

  private queue(step: () => Promise<void>): void {
    this.pendingWrites = this.pendingWrites.then(step).catch((error: unknown) => {
      // The key stays usable for this session; only saving it failed. The error names the file, never the key.
      console.error(`The fal key could not be saved: ${describeError(error)}`);
    });
  }
}

/** The saved key, or undefined when there is none or it no longer decrypts (another machine, a reset keychain). */
async function decryptSavedKey(safeStorage: SafeStorageApi, path: string): Promise<{ value: string; reEncrypt: boolean } | undefined> {
  let encrypted: Buffer;
  try {
    encrypted = await readFile(path);
  } catch {
    return undefined;
  }
  try {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
    return result.trim() ? { value: result.trim(), reEncrypt: shouldReEncrypt } : undefined;
  } catch (error) {
    console.warn(`The saved fal key could not be decrypted (${describeError(error)}); set it again in Settings.`);
    return undefined;
  }
}
