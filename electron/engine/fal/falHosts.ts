import { SmartResizeError } from '../../domain/errors';

/**
 * The fal hosts called for our use: the queue, direct runs, the storage REST API (`rest.fal.ai/storage/upload/
 * initiate`) and the Platform API's request history (`api.fal.ai`). Storage upload PUTs and output downloads go to
 * CDN URLs fal returns, which are never rewritten.
 */
const FAL_API_HOSTS: readonly string[] = ['queue.fal.run', 'fal.run', 'rest.fal.ai', 'api.fal.ai'];

/**
 * Points a fal API URL at another origin, keeping path and query as they are on fal
 * (`https://queue.fal.run/fal-ai/smart-resize?x=1` -> `http://127.0.0.1:4000/fal-ai/smart-resize?x=1`).
 * A path on the override (`http://gw/fal`) is kept as a prefix. URLs on other hosts pass through untouched.
 */
export function rewriteFalUrl(url: string, override: URL): string {
  const original = new URL(url);
  if (!FAL_API_HOSTS.includes(original.hostname)) return url;
  const prefix = override.pathname.replace(/\/+$/, '');
  return `${override.origin}${prefix}${original.pathname}${original.search}`;
}

/** Parses an http(s) URL given in settings or the environment, refusing anything else with a readable reason. */
export function parseHttpUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SmartResizeError('invalid_proxy_url', `${what} "${text}" is not a URL: write it as https://host/path.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SmartResizeError('invalid_proxy_url', `${what} "${text}" must start with http:// or https://.`);
  }
  return url;
}
