import { shell, type WebContents } from 'electron';
import { isAppUrl, isExternalWebUrl } from '../appUrl';

/**
 * Locks a window's page in place: no new windows (an http(s) link opens in the person's browser instead, after its
 * URL parsed as http(s)), no navigation away from the app's own page (a dropped file would otherwise replace the
 * app), no redirects elsewhere, no <webview>.
 */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, appUrl)) return;
    event.preventDefault();
    // A clicked link to a web page still reaches the person's browser.
    if (isExternalWebUrl(event.url)) openExternally(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Opens a link in the default browser when it is a real http(s) URL; anything else is dropped, and logged. */
function openExternally(url: string): void {
  if (!isExternalWebUrl(url)) {
    console.warn(`Refused to open a non-web link: ${url.slice(0, 200)}`);
    return;
  }
  // Reviewed: only a URL that parsed as http(s) with a host gets here (isExternalWebUrl above).
  void shell.openExternal(new URL(url).href).catch((error: unknown) => console.warn('Could not open the link:', error)); // eng-disable OPEN_EXTERNAL_JS_CHECK
}
