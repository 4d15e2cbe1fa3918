import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { rendererContentType } from '../../shared/rendererContentTypes';
import { BASE_SECURITY_HEADERS, sendError } from './respond';

/** The page may load only its own scripts and styles, talk only to this server, and never be framed. */
const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The file under `root` a URL path names, or null when the path is malformed or would leave `root`
 * (`..`, encoded separators, NUL).
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const target = resolve(base, `.${decoded === '/' ? '/index.html' : decoded}`);
  return target.startsWith(base + sep) ? target : null;
}

/** Serves one file of the built renderer (GET/HEAD), 404 for anything else. */
export async function serveStatic(request: IncomingMessage, response: ServerResponse, root: string, urlPath: string): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendError(response, 405, { code: 'method_not_allowed', message: 'Only GET here.' });
    return;
  }
  const file = resolveStaticPath(root, urlPath);
  if (!file) {
    sendError(response, 403, { code: 'forbidden_path', message: 'That path is outside the app.' });
    return;
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    sendError(response, 404, { code: 'not_found', message: 'No such file.' });
    return;
  }
  const extension = extname(file).toLowerCase();
  // Vite names assets by content hash, so they never change; the page itself must always be fresh.
  const cacheControl = urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store';
  response.writeHead(200, {
    ...BASE_SECURITY_HEADERS,
    'Content-Type': rendererContentType(file),
    'Content-Length': info.size,
    'Cache-Control': cacheControl,
    ...(extension === '.html' ? { 'Content-Security-Policy': RENDERER_CSP } : {}),
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
