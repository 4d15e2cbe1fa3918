import type { LocalOnlyReason } from '../../domain/localOnlyReasons';
import { createSmartResizeFalClient, type SmartResizeFalClient, type SmartResizeFalClientOptions } from '../fal/falClient';
import { resolveFalKey, resolveFalProxyUrl } from '../fal/falSettings';
import type { FalKeyTest } from '../../shared/schemas/settings';
import type { FalKeyStore } from '../settings/falKeyStore';
import { checkFalKey } from './falKeyCheck';

/** How the engine reaches fal, re-read on every use so a key or proxy change applies to the next job. */
export interface FalAccessOptions {
  readonly keyStore: FalKeyStore;
  readonly env: NodeJS.ProcessEnv;
  readonly proxyUrl: () => string | undefined;
  /** Send fal's hosts to this origin (tests' fake fal server; a self-hosted gateway). */
  readonly hostOverride?: string;
  /** Set when fal must not be used at all: the default provider is local, or the run is `--provider local`. */
  readonly localOnly: () => Exclude<LocalOnlyReason, 'no_key'> | undefined;
  readonly fetch?: typeof fetch;
  /** Call timeouts and the network observer every client gets (see SmartResizeFalClientOptions). */
  readonly calls?: Pick<SmartResizeFalClientOptions, 'callTimeouts' | 'networkObserver'>;
}

/** Hands out one fal client per configuration, or undefined when no key is set or fal is turned off. */
export class FalAccess {
  private cached: { signature: string; client: SmartResizeFalClient } | undefined;

  constructor(private readonly options: FalAccessOptions) {}

  /** Where a key comes from, for the Settings page (never the key itself). */
  keySource(): 'store' | 'env' | 'none' {
    if (this.options.keyStore.read()) return 'store';
    return resolveFalKey(undefined, this.options.env) ? 'env' : 'none';
  }

  /** Why fal is not in use now (so every size is made locally), or undefined when a client would be handed out. */
  localOnlyReason(): LocalOnlyReason | undefined {
    const off = this.options.localOnly();
    if (off) return off;
    return resolveFalKey(this.options.keyStore.read(), this.options.env) ? undefined : 'no_key';
  }

  client(): SmartResizeFalClient | undefined {
    if (this.options.localOnly()) return undefined;
    const key = resolveFalKey(this.options.keyStore.read(), this.options.env);
    if (!key) return undefined;
    const signature = JSON.stringify([key.length, hashKey(key), this.proxyUrl(), this.options.hostOverride]);
    if (this.cached?.signature !== signature) this.cached = { signature, client: this.build(key, this.options.calls) };
    return this.cached.client;
  }

  /**
   * One authenticated call to fal with `typedKey` (not saved), or else the key in use, through the same proxy or
   * host override as jobs: valid, invalid or unreachable, in words.
   */
  testKey(typedKey?: string): Promise<FalKeyTest> {
    const key = typedKey?.trim() || resolveFalKey(this.options.keyStore.read(), this.options.env);
    if (!key) return Promise.resolve({ result: 'no_key', message: 'No fal key is set: type one to test it.' });
    // The job clients' timeouts, but not their network observer: a test must not take the queue offline.
    const client = this.build(key, { callTimeouts: this.options.calls?.callTimeouts });
    return checkFalKey(client, this.proxyUrl() !== undefined);
  }

  /** The proxy fal calls go through (Settings, else FAL_PROXY_URL), unless a host override sends them elsewhere. */
  private proxyUrl(): string | undefined {
    return this.options.hostOverride ? undefined : resolveFalProxyUrl(this.options.proxyUrl(), this.options.env);
  }

  private build(key: string, calls: FalAccessOptions['calls']): SmartResizeFalClient {
    return createSmartResizeFalClient({ credentials: key, proxyUrl: this.proxyUrl(), hostOverride: this.options.hostOverride, fetch: this.options.fetch, ...calls });
  }

  /** The URL the online monitor probes: the fake or gateway, the proxy, or fal's queue host. */
  probeUrl(): string {
    return this.options.hostOverride ?? this.proxyUrl() ?? 'https://queue.fal.run/';
  }
}

// The signature must change when the key does without keeping the key itself in another string.
function hashKey(key: string): number {
  let hash = 0;
  for (let index = 0; index < key.length; index += 1) hash = (hash * 31 + key.charCodeAt(index)) | 0;
  return hash;
}
