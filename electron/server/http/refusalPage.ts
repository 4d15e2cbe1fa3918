import type { IncomingMessage, ServerResponse } from 'node:http';
import { BASE_SECURITY_HEADERS, sendError } from './respond';

const MESSAGE = 'This Smart Resize server needs its launch token: open the link printed where the server was started.';

/** A page with no script and no outside resource: the CSP forbids everything but its own inline style. */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Smart Resize: open the printed link</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:15vh auto;padding:0 1em;color:#1f2430}code{background:#eef0f4;padding:2px 5px;border-radius:4px}</style>
</head><body><h1>This Smart Resize server needs its launch token</h1>
<p>It is served by <code>smart-resize serve</code> on this computer, and only to the link it printed when it
started: the link carries a token made for this launch, so other pages and programs cannot use the app.</p>
<p>Copy the full link from the terminal where the server runs, or start it again with <code>npx smart-resize serve --open</code>.</p>
</body></html>`;

/**
 * Refuses a request without the launch token: a browser opening a page (the bare URL, a bookmark from an earlier
 * launch) gets a short page saying what to open instead; API calls get the JSON error the UI understands.
 */
export function refuseWithoutToken(request: IncomingMessage, response: ServerResponse, path: string): void {
  const wantsPage = request.method === 'GET' && !path.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
  if (!wantsPage) {
    sendError(response, 401, { code: 'unauthorized', message: MESSAGE });
    return;
  }
  response.writeHead(401, {
    ...BASE_SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(PAGE),
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    'Cache-Control': 'no-store',
  });
  response.end(PAGE);
}
