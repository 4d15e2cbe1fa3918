import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ApiHandlers } from '../../shared/contract/types';
import type { ApiEventSource } from '../../shared/eventHub';
import { HTTP_ROUTES, TOKEN_QUERY, type UploadResult } from '../../shared/transport';
import { handleBrowse } from './browseRoute';
import { handleCreateFolder } from './createFolderRoute';
import { handleCall } from './callRoute';
import { createEventSocket } from './eventSocket';
import { createLaunchToken, requestTokenSource, tokenCookieHeader } from './launchToken';
import { isLoopbackHost, isSameOrigin } from './requestGuards';
import { refuseWithoutToken } from './refusalPage';
import { BASE_SECURITY_HEADERS, sendError } from './respond';
import { serveStatic } from './staticFiles';
import { handleOutputDownload } from './outputRoute';
import { handleZipDownload } from './zipRoute';
import { handleUpload } from './uploadRoute';

/** Options of the headless transport. */
export interface HttpServerOptions {
  /** The host's implementation of the contract. */
  handlers: ApiHandlers;
  /** Where the host's events come from (pushed to every page over /api/events). */
  events: ApiEventSource;
  /** The built renderer (electron-vite's out/renderer). */
  rendererDir: string;
  /** App-owned folder receiving browser uploads. */
  inboxDir: string;
  /** The folder browser starts here and shows nothing outside it or `extraBrowseRoots`. */
  homeDir: string;
  /** Further folders the browser may show (a NAS mount allowed with `serve --allow`). */
  extraBrowseRoots?: readonly string[];
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** The launch token; absent makes a random one (tests pass a fixed one). */
  token?: string;
  /** Largest accepted upload in bytes (default 512 MB). */
  maxUploadBytes?: number;
  /** Told about each saved upload. */
  onUpload?: (saved: UploadResult) => void;
}

/** A running server. `url` carries the token: it is what the person opens. */
export interface RunningHttpServer {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/**
 * Starts the headless transport on 127.0.0.1 only. Every request needs the launch token (Bearer header, `?token=`,
 * or the HttpOnly cookie set when a page is first opened with `?token=`); the page is then redirected to a URL
 * without the token.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const token = options.token ?? createLaunchToken();
  const eventSocket = createEventSocket(options.events);
  let port = 0;

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (!isLoopbackHost(request, port) || (request.method !== 'GET' && !isSameOrigin(request, port))) {
      sendError(response, 403, { code: 'forbidden_origin', message: 'Requests must come from this server’s own page.' });
      return;
    }
    const tokenSource = requestTokenSource(request, url, token);
    const path = url.pathname;
    if (!tokenSource) return refuseWithoutToken(request, response, path);
    if (tokenSource === 'query' && request.method === 'GET' && !path.startsWith('/api/')) {
      response.writeHead(303, { ...BASE_SECURITY_HEADERS, 'Set-Cookie': tokenCookieHeader(token), Location: path, 'Cache-Control': 'no-store' });
      response.end();
      return;
    }
    if (path.startsWith(HTTP_ROUTES.call)) return handleCall(request, response, path.slice(HTTP_ROUTES.call.length), options.handlers);
    if (path === HTTP_ROUTES.upload) {
      return handleUpload(request, response, url, {
        inboxDir: options.inboxDir,
        maxBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
        onUpload: options.onUpload,
      });
    }
    if (path === HTTP_ROUTES.browse) {
      const roots = [options.homeDir, ...(options.extraBrowseRoots ?? [])];
      return request.method === 'POST' ? handleCreateFolder(request, response, roots) : handleBrowse(response, url, roots);
    }
    if (path === HTTP_ROUTES.output) return handleOutputDownload(request, response, url, options.handlers);
    if (path === HTTP_ROUTES.zip) return handleZipDownload(request, response, url, options.handlers);
    if (path.startsWith('/api/')) return sendError(response, 404, { code: 'not_found', message: 'No such API route.' });
    return serveStatic(request, response, options.rendererDir, path);
  }

  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const allowed =
      url.pathname === HTTP_ROUTES.events &&
      isLoopbackHost(request, port) &&
      isSameOrigin(request, port) &&
      requestTokenSource(request, url, token) !== null;
    if (!allowed) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    eventSocket.accept(request, socket, head);
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, { code: 'internal', message: (error as Error).message ?? 'Internal error' });
      else response.destroy();
    });
  });
  server.on('upgrade', upgrade);
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?${TOKEN_QUERY}=${encodeURIComponent(token)}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        eventSocket.close();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
