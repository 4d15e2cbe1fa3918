import { parseHttpUrl } from './falHosts';

/** The environment variables the fal settings fall back to. */
export type FalEnv = Readonly<Record<string, string | undefined>>;

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * The fal key to use: the one saved in settings, else `FAL_KEY`, else `FAL_KEY_ID:FAL_KEY_SECRET` (the pair the
 * fal client itself accepts). Returns undefined when none is set, so the caller can offer the local engine.
 * Settings win because a key typed into the app is the user's latest explicit choice.
 */
export function resolveFalKey(settingsKey: string | undefined, env: FalEnv): string | undefined {
  const fromSettings = nonEmpty(settingsKey);
  if (fromSettings) return fromSettings;
  const fromEnv = nonEmpty(env.FAL_KEY);
  if (fromEnv) return fromEnv;
  const id = nonEmpty(env.FAL_KEY_ID);
  const secret = nonEmpty(env.FAL_KEY_SECRET);
  return id && secret ? `${id}:${secret}` : undefined;
}

/**
 * The proxy every fal call should go through: the settings value, else `FAL_PROXY_URL`; undefined for none.
 * Throws a SmartResizeError (`invalid_proxy_url`) for a value that is not an http(s) URL, so a typo is reported
 * instead of silently sending requests straight to fal.
 */
export function resolveFalProxyUrl(settingsValue: string | undefined, env: FalEnv): string | undefined {
  const fromSettings = nonEmpty(settingsValue);
  const chosen = fromSettings ?? nonEmpty(env.FAL_PROXY_URL);
  if (!chosen) return undefined;
  const source = fromSettings ? 'The fal proxy URL in settings' : 'FAL_PROXY_URL';
  return parseHttpUrl(chosen, source).toString();
}
