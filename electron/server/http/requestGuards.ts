import type { IncomingMessage } from 'node:http';

/**
 * True when the Host header names this loopback server. Refusing other hosts stops DNS-rebinding pages, which
 * reach 127.0.0.1 under their own domain name.
 */
export function isLoopbackHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** True when a browser-sent Origin (if any) is this server's own, so other sites cannot open our WebSocket. */
export function isSameOrigin(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
