import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../electron/server/http/staticFiles';
import { rawGet, startServerFixture, type ServerFixture } from './serverFixture';

describe('static files of the built renderer', () => {
  let fixture: ServerFixture;
  let auth: Record<string, string>;
  beforeAll(async () => {
    fixture = await startServerFixture();
    auth = { Authorization: `Bearer ${fixture.server.token}` };
  });
  afterAll(() => fixture.close());

  it('serves index.html at / and hashed assets with long caching', async () => {
    expect((await rawGet(fixture.server.port, '/', auth)).body).toContain('Smart Resize');
    const asset = await fixture.call('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('refuses every way out of the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/%00index.html', '/%E0%A4%A']) {
      const response = await rawGet(fixture.server.port, path, auth);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.body, path).not.toContain('TOP SECRET');
    }
  });

  it('answers 404 for missing files and unknown API routes', async () => {
    expect((await fixture.call('/nope.js')).status).toBe(404);
    expect((await fixture.call('/api/nope')).status).toBe(404);
  });

  it('resolveStaticPath keeps paths inside the root', () => {
    expect(resolveStaticPath('/srv/app', '/assets/a.js')).toBe('/srv/app/assets/a.js');
    expect(resolveStaticPath('/srv/app', '/')).toBe('/srv/app/index.html');
    expect(resolveStaticPath('/srv/app', '/../app2/x')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/%2e%2e/x')).toBeNull();
  });
});
