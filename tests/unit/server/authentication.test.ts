import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_COOKIE } from '../../../electron/shared';
import { rawGet, readJson, startServerFixture, type ServerFixture } from './serverFixture';

describe('the headless server refuses requests without the launch token', () => {
  let fixture: ServerFixture;
  beforeAll(async () => {
    fixture = await startServerFixture();
  });
  afterAll(() => fixture.close());

  it('listens on 127.0.0.1 only and prints a URL carrying a long random token', () => {
    expect(fixture.server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fixture.server.url).toBe(`${fixture.server.origin}/?token=${fixture.server.token}`);
    expect(fixture.server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses pages, calls, uploads and browsing without the token, or with a wrong one', async () => {
    const { origin } = fixture.server;
    for (const [path, method] of [['/', 'GET'], ['/api/call/queue.state', 'POST'], ['/api/upload', 'POST'], ['/api/browse', 'GET']] as const) {
      const response = await fetch(`${origin}${path}`, { method });
      expect(response.status, path).toBe(401);
      expect((await readJson(response)).error.code).toBe('unauthorized');
      const wrong = await fetch(`${origin}${path}`, { method, headers: { Authorization: `Bearer ${'x'.repeat(43)}` } });
      expect(wrong.status, path).toBe(401);
    }
  });

  it('shows a browser opening a page without the token what to open instead, with nothing of the app in it', async () => {
    const { origin } = fixture.server;
    const page = await fetch(`${origin}/history`, { headers: { Accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(401);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await page.text();
    expect(html).toContain('needs its launch token');
    expect(html).toContain('npx smart-resize serve --open');
    expect(html).not.toMatch(/<script|src=/);
    // API routes answer JSON whatever the browser accepts.
    const api = await fetch(`${origin}/api/browse`, { headers: { Accept: 'text/html' } });
    expect(api.status).toBe(401);
    expect((await readJson(api)).error.code).toBe('unauthorized');
  });

  it('accepts the bearer header', async () => {
    const response = await fixture.call('/api/call/queue.state', { method: 'POST' });
    expect(response.status).toBe(200);
    expect((await readJson(response)).state).toBe('running');
  });

  it('turns ?token= on a page load into an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const first = await fetch(fixture.server.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`${TOKEN_COOKIE}=`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await fetch(`${fixture.server.origin}/`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Smart Resize</title>');
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin on calls', async () => {
    const rebinding = await rawGet(fixture.server.port, '/', { Host: 'evil.example:80', Authorization: `Bearer ${fixture.server.token}` });
    expect(rebinding.status).toBe(403);
    const crossSite = await fixture.call('/api/call/queue.pause', { method: 'POST', headers: { Origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(fixture.fake.state.paused).toBeNull();
  });
});
