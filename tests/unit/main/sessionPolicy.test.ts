import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/main/security/contentSecurityPolicy';
import { installSessionPolicy } from '../../../electron/main/security/sessionPolicy';

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

interface FakeSession {
  headersListener: HeadersListener | undefined;
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  checkHandler: (() => boolean) | undefined;
  webRequest: { onHeadersReceived(listener: HeadersListener): void };
  setPermissionRequestHandler(handler: NonNullable<FakeSession['requestHandler']>): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

function fakeSession(): FakeSession {
  const session: FakeSession = {
    headersListener: undefined,
    requestHandler: undefined,
    checkHandler: undefined,
    webRequest: {
      onHeadersReceived: (listener: HeadersListener) => {
        session.headersListener = listener;
      },
    },
    setPermissionRequestHandler: (handler) => {
      session.requestHandler = handler;
    },
    setPermissionCheckHandler: (handler) => {
      session.checkHandler = handler;
    },
  };
  return session;
}

const APP_URL = 'app://app/index.html';

function headersFor(session: FakeSession, url: string, responseHeaders?: Record<string, string[]>) {
  const callback = vi.fn();
  session.headersListener!({ url, responseHeaders }, callback);
  return callback.mock.calls[0]![0] as { responseHeaders?: Record<string, string[]> };
}

describe('contentSecurityPolicy', () => {
  it('allows only the app itself in production', () => {
    const policy = contentSecurityPolicy('production');
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe');
    expect(policy).not.toMatch(/https?:/);
  });

  it("loosens only styles and the dev server's socket in development, never scripts", () => {
    const policy = contentSecurityPolicy('development');
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toContain('unsafe-eval');
  });
});

describe('installSessionPolicy', () => {
  it("puts the strict CSP on the app's pages, replacing any other", () => {
    const session = fakeSession();
    installSessionPolicy(session as unknown as Electron.Session, { appUrl: APP_URL, mode: 'production' });
    const answer = headersFor(session, `${APP_URL}#/drop`, { 'content-security-policy': ["default-src *"], 'x-other': ['1'] });
    expect(answer.responseHeaders).toEqual({ 'x-other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy('production')] });
  });

  it('leaves other responses alone', () => {
    const session = fakeSession();
    installSessionPolicy(session as unknown as Electron.Session, { appUrl: APP_URL, mode: 'production' });
    expect(headersFor(session, 'https://fal.media/files/out.png', { 'x-other': ['1'] })).toEqual({});
  });

  it('refuses every permission request and check', () => {
    const session = fakeSession();
    installSessionPolicy(session as unknown as Electron.Session, { appUrl: APP_URL, mode: 'production' });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.requestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(session.checkHandler!()).toBe(false);
  });
});
