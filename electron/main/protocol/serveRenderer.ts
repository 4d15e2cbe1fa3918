import { promises as fs } from 'node:fs';
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';
import { APP_HOST, APP_SCHEME } from './appScheme';
import { rendererContentType } from '../../shared/rendererContentTypes';
import { resolveRendererFile } from './rendererPath';

/**
 * Headers of every app-scheme answer. The production CSP is sent here, by the handler itself, rather than left to
 * a webRequest hook: responses of a custom protocol are not guaranteed to pass through those hooks.
 */
function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy('production'),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function refusal(status: number, reason: string): Response {
  return new Response(`${status} ${reason}`, { status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Answers one request of the app scheme from the built renderer in `rendererDir`: GET or HEAD of a file inside it,
 * with its MIME type and the CSP. Anything else is a 4xx: another host, another method, a path that tries to leave
 * the folder (`..`, encoded separators, backslashes, NUL, symlinks out), a folder or a missing file.
 */
async function rendererResponse(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refusal(400, 'malformed URL');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refusal(404, 'unknown host');
  const found = await resolveRendererFile(rendererDir, url.pathname);
  if (!found.ok) {
    // The app's own page never asks for these: a refusal means something in the page is not what we built.
    if (found.status !== 404) console.warn(`Refused ${APP_SCHEME}: request for ${url.pathname.slice(0, 200)}: ${found.reason}.`);
    return refusal(found.status, found.reason);
  }
  const bytes = await fs.readFile(found.path);
  const headers = { ...baseHeaders(), 'Content-Type': rendererContentType(found.path), 'Content-Length': String(bytes.length) };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), { status: 200, headers });
}

/**
 * Serves the built renderer on the app scheme of the default session (the one the window uses). Call after
 * `ready`, with the scheme registered as privileged before it. Returns a function that removes the handler.
 */
export function serveRendererProtocol(protocol: Pick<Protocol, 'handle' | 'unhandle'>, rendererDir: string): () => void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request));
  return () => protocol.unhandle(APP_SCHEME);
}
