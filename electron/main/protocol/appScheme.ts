import type { Protocol } from 'electron';

/** The scheme the packaged renderer is served from. */
export const APP_SCHEME = 'app';

/** The one host of that scheme; every page and asset of the app shares its origin `app://app`. */
export const APP_HOST = 'app';

/** The renderer's entry page on the app scheme. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Declares the app scheme privileged. Must run before `ready` (Electron silently ignores it later). `standard`
 * gives it a real origin, so relative URLs resolve and `'self'` in the CSP means this app; `secure` makes it a
 * secure context like https; Vite's `<script type="module" crossorigin>` is fetched in CORS mode, hence
 * `supportFetchAPI` and `corsEnabled` (the handler sends no Access-Control-* header, so no other origin can read
 * it). Nothing bypasses the CSP, and no service workers or streaming are allowed.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}
