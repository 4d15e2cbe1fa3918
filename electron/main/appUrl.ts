import { APP_SCHEME } from './protocol/appScheme';

/**
 * True when `url` is a page of this app: same scheme and host as the app scheme's entry (any path of it: the
 * protocol serves only the built renderer), or the same origin for the dev server. A malformed URL is never the app's.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const candidate = parseUrl(url);
  const app = parseUrl(appUrl);
  if (!candidate || !app) return false;
  // A custom scheme has the opaque origin "null" in Node's URL (Chromium gives a standard scheme a real one), so
  // scheme and host identify the app's pages.
  if (app.protocol === `${APP_SCHEME}:`) return candidate.protocol === app.protocol && candidate.host === app.host && app.host !== '';
  return candidate.origin !== 'null' && candidate.origin === app.origin;
}

/** True for a URL the person may open in their browser: http or https only (never file:, javascript:, custom schemes). */
export function isExternalWebUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== undefined && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
