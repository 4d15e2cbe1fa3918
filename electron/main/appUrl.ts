/**
 * True when `url` is a page of this app: the renderer's entry (any hash route, any query) for a `file:` entry, or
 * the same origin for the dev server (and, later, the app's own protocol). A malformed URL is never the app's.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const candidate = parseUrl(url);
  const app = parseUrl(appUrl);
  if (!candidate || !app) return false;
  // file: URLs all share the opaque "null" origin, so the exact file is what identifies the app's page.
  if (app.protocol === 'file:') return candidate.protocol === 'file:' && candidate.pathname === app.pathname;
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
