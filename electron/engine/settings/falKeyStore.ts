import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the fal key is kept: the OS keychain through Electron's safeStorage, or a file only the user can read. */
type FalKeyStorage = 'safeStorage' | 'plaintext-fallback' | 'file';

/**
 * Keeps the fal key. The Electron host implements it with safeStorage; the headless host and the CLI use
 * FileFalKeyStore. The key is read only to build a fal client: never logged, never sent to a renderer.
 */
export interface FalKeyStore {
  read(): string | undefined;
  write(key: string): void;
  clear(): void;
  readonly storage: FalKeyStorage;
}

/** The key in `<data>/fal-key` with mode 0600: what a headless machine has (no keychain to ask). */
export class FileFalKeyStore implements FalKeyStore {
  readonly storage = 'file' as const;
  private readonly path: string;

  constructor(private readonly dataDir: string) {
    this.path = join(dataDir, 'fal-key');
  }

  read(): string | undefined {
    try {
      const key = readFileSync(this.path, 'utf8').trim();
      return key || undefined;
    } catch {
      return undefined;
    }
  }

  write(key: string): void {
    mkdirSync(this.dataDir, { recursive: true });
    writeFileSync(this.path, `${key.trim()}\n`, { mode: 0o600 });
    chmodSync(this.path, 0o600);
  }

  clear(): void {
    rmSync(this.path, { force: true });
  }
}
