import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_COOKIE, TOKEN_QUERY } from '../../shared/transport';

/** A fresh unguessable token for one server launch (256 bits, URL-safe). */
export function createLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares in constant time so the token cannot be guessed byte by byte from response timings. */
function tokensMatch(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** Where a request carried the token, if it did: the header, the query (first page load, WebSocket) or the cookie. */
export function requestTokenSource(request: IncomingMessage, url: URL, token: string): 'header' | 'query' | 'cookie' | null {
  if (tokensMatch(token, bearerToken(request))) return 'header';
  if (tokensMatch(token, url.searchParams.get(TOKEN_QUERY) ?? undefined)) return 'query';
  if (tokensMatch(token, cookieValue(request, TOKEN_COOKIE))) return 'cookie';
  return null;
}

/** The cookie that lets the page keep working after the token is removed from the address bar. */
export function tokenCookieHeader(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}
