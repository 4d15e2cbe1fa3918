import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, registerAppScheme } from '../../../../electron/main/protocol/appScheme';
import { rendererPathSegments } from '../../../../electron/main/protocol/rendererPath';
import { serveRendererProtocol } from '../../../../electron/main/protocol/serveRenderer';
import { contentSecurityPolicy } from '../../../../electron/main/security/contentSecurityPolicy';
import { protocol } from '../fakeElectron';

vi.mock('electron', () => import('../fakeElectron'));

// A built renderer in a temp folder, with a secret beside it that no app: URL may ever return.
const SECRET = 'SECRET-OUTSIDE-THE-RENDERER';
let root: string;
let rendererDir: string;
let stop: () => void;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sr-protocol-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(rendererDir, 'assets', 'font.woff2'), 'wOF2');
  await writeFile(join(rendererDir, 'assets', 'blob.xyz'), 'bytes');
  await writeFile(join(root, 'secret.txt'), SECRET);
  await mkdir(join(root, 'private'));
  await writeFile(join(root, 'private', 'secret.js'), SECRET);
  // Links planted inside the renderer folder: to a file outside, and to a folder outside.
  await symlink(join(root, 'secret.txt'), join(rendererDir, 'assets', 'leak.js'));
  await symlink(join(root, 'private'), join(rendererDir, 'linked'));
  // A link that stays inside is fine.
  await symlink(join(rendererDir, 'index.html'), join(rendererDir, 'alias.html'));
  stop = serveRendererProtocol(protocol as unknown as Electron.Protocol, rendererDir);
});

afterAll(async () => {
  stop();
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

async function get(url: string, method = 'GET'): Promise<{ status: number; type: string | null; csp: string | null; body: string }> {
  const handler = protocol.handlers.get('app')!;
  const response = await handler(new Request(url, { method }));
  return { status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), body: await response.text() };
}

describe('registerAppScheme', () => {
  it('makes app: a standard, secure scheme (a real origin for CSP self) that does not bypass the CSP', () => {
    registerAppScheme(protocol as unknown as Electron.Protocol);
    const entry = protocol.privileged.find((scheme) => scheme.scheme === 'app');
    expect(entry?.privileges).toMatchObject({ standard: true, secure: true });
    expect(entry?.privileges?.['bypassCSP']).toBeFalsy();
    expect(APP_ENTRY_URL).toBe('app://app/index.html');
  });
});

describe('the app: protocol handler', () => {
  it('serves the entry page for / and /index.html with the production CSP and nosniff', async () => {
    for (const url of ['app://app/', 'app://app/index.html', 'app://app/index.html?x=1#/queue']) {
      const answer = await get(url);
      expect(answer).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>app</title>' });
      expect(answer.csp).toBe(contentSecurityPolicy('production'));
    }
    const handler = protocol.handlers.get('app')!;
    expect((await handler(new Request('app://app/'))).headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends each asset with its MIME type, and unknown ones as opaque bytes', async () => {
    expect((await get('app://app/assets/index-abc.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get('app://app/assets/index-abc.css')).type).toBe('text/css; charset=utf-8');
    expect((await get('app://app/assets/logo.svg')).type).toBe('image/svg+xml');
    expect((await get('app://app/assets/font.woff2')).type).toBe('font/woff2');
    expect((await get('app://app/assets/blob.xyz')).type).toBe('application/octet-stream');
    expect(await get('app://app/alias.html')).toMatchObject({ status: 200, body: '<!doctype html><title>app</title>' });
  });

  it('never serves anything outside the renderer folder, whatever the URL', async () => {
    const attempts = [
      'app://app/../../etc/passwd',
      'app://app/../secret.txt',
      'app://app/%2e%2e/secret.txt',
      'app://app/%2e%2e%2fsecret.txt',
      'app://app/assets%2f..%2f..%2fsecret.txt',
      'app://app/assets/..%2f..%2fsecret.txt',
      'app://app/assets%5c..%5c..%5csecret.txt',
      'app://app/assets\\..\\..\\secret.txt',
      'app://app/index.html%00.js',
      'app://app/%E0%A4%A',
      'app://app/assets/leak.js',
      'app://app/linked/secret.js',
      'app://app//etc/passwd',
      `app://app/${join(root, 'secret.txt')}`,
      'app://app/C:/Windows/win.ini',
    ];
    for (const url of attempts) {
      const answer = await get(url);
      expect(answer.status, url).toBeGreaterThanOrEqual(400);
      expect(answer.status, url).toBeLessThan(500);
      expect(answer.body, url).not.toContain(SECRET);
      expect(answer.body, url).not.toContain('root:');
      expect(answer.csp, url).toBe(contentSecurityPolicy('production'));
    }
    expect((await get('app://app/assets/leak.js')).status).toBe(403);
    expect((await get('app://app/linked/secret.js')).status).toBe(403);
  });

  it('answers 404 for folders, missing files and other hosts, 405 for other methods, no body for HEAD', async () => {
    expect((await get('app://app/assets')).status).toBe(404);
    expect((await get('app://app/assets/')).status).toBe(400);
    expect((await get('app://app/missing.js')).status).toBe(404);
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://app/index.html', 'POST')).status).toBe(405);
    expect(await get('app://app/index.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });
});

describe('rendererPathSegments', () => {
  it('checks raw paths before any URL parser has normalised them', () => {
    expect(rendererPathSegments('/')).toEqual({ ok: true, segments: ['index.html'] });
    expect(rendererPathSegments('/assets/a%20b.js')).toEqual({ ok: true, segments: ['assets', 'a b.js'] });
    expect(rendererPathSegments('/../../etc/passwd')).toMatchObject({ ok: false, status: 403 });
    expect(rendererPathSegments('/assets/./x.js')).toMatchObject({ ok: false, status: 403 });
    expect(rendererPathSegments('/%2e%2e/etc/passwd')).toMatchObject({ ok: false, status: 403 });
    expect(rendererPathSegments('/%2e%2e%2fetc%2fpasswd')).toMatchObject({ ok: false, status: 400 });
    expect(rendererPathSegments('/%2E%2E%2Fetc')).toMatchObject({ ok: false, status: 400 });
    expect(rendererPathSegments('/..\\..\\etc\\passwd')).toMatchObject({ ok: false, status: 400 });
    expect(rendererPathSegments('/index.html\0.js')).toMatchObject({ ok: false, status: 400 });
    expect(rendererPathSegments('/C:/Windows/win.ini')).toMatchObject({ ok: false, status: 400 });
    expect(rendererPathSegments('/index.html:stream')).toMatchObject({ ok: false, status: 400 });
  });
});
