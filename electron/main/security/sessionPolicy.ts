import type { Session } from 'electron';
import { isAppUrl } from '../appUrl';
import { contentSecurityPolicy } from './contentSecurityPolicy';

/**
 * Applies the session-wide rules: the app's pages get the strict CSP as a response header (the index.html meta
 * policy applies as well; a page obeys both), and every permission request (camera, notifications from the page,
 * geolocation, ...) is refused: the page needs none, desktop notifications come from the main process.
 */
export function installSessionPolicy(session: Session, options: { appUrl: string; mode: 'production' | 'development' }): void {
  const policy = contentSecurityPolicy(options.mode);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, options.appUrl)) {
      callback({});
      return;
    }
    // Replace whatever the server sent (the dev server sends none) rather than merge, whatever its header casing.
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    // The policy is built by contentSecurityPolicy() (the scanner cannot parse a variable; its unit test checks it).
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } }); // eng-disable CSP_GLOBAL_CHECK
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
