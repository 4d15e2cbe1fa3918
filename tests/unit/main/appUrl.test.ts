import { describe, expect, it, vi } from 'vitest';
import { applyDataDir, preloadPath, rendererEntryUrl } from '../../../electron/main/appPaths';
import { isAppUrl, isExternalWebUrl } from '../../../electron/main/appUrl';

describe('isAppUrl', () => {
  const fileApp = 'file:///opt/app/out/renderer/index.html';
  it('accepts the file entry with any hash route or query, and nothing else on disk', () => {
    expect(isAppUrl(fileApp, fileApp)).toBe(true);
    expect(isAppUrl(`${fileApp}#/history?job=1`, fileApp)).toBe(true);
    expect(isAppUrl(`${fileApp}?x=1`, fileApp)).toBe(true);
    expect(isAppUrl('file:///opt/app/out/renderer/evil.html', fileApp)).toBe(false);
    expect(isAppUrl('file:///opt/app/out/renderer/../renderer/index.html', fileApp)).toBe(true);
    expect(isAppUrl('https://opt/app/out/renderer/index.html', fileApp)).toBe(false);
  });

  it('accepts the dev server by origin only', () => {
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/#/queue', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
  });

  it('never accepts malformed or opaque URLs', () => {
    expect(isAppUrl('%%%', fileApp)).toBe(false);
    expect(isAppUrl('about:blank', 'about:blank')).toBe(false);
    expect(isAppUrl('data:text/html,x', 'data:text/html,x')).toBe(false);
  });
});

describe('isExternalWebUrl', () => {
  it('is true for http(s) with a host only', () => {
    expect(isExternalWebUrl('https://fal.ai/dashboard/keys')).toBe(true);
    expect(isExternalWebUrl('http://example.com')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'mailto:a@b.c', 'ftp://x', 'https:', 'HTTPS//x', '']) {
      expect(isExternalWebUrl(url)).toBe(false);
    }
  });
});

describe('app paths', () => {
  const fakeApp = () => ({ getPath: vi.fn(() => '/home/me/.config/Smart Resize Desktop'), setPath: vi.fn() });

  it("uses Electron's userData folder unless SMART_RESIZE_DATA is set", () => {
    const app = fakeApp();
    expect(applyDataDir(app, {})).toBe('/home/me/.config/Smart Resize Desktop');
    expect(app.setPath).not.toHaveBeenCalled();
    expect(applyDataDir(app, { SMART_RESIZE_DATA: '  ' })).toBe('/home/me/.config/Smart Resize Desktop');
  });

  it('moves userData to the override so the profile and the instance lock follow it', () => {
    const app = fakeApp();
    expect(applyDataDir(app, { SMART_RESIZE_DATA: '/tmp/sr-data' })).toBe('/tmp/sr-data');
    expect(app.setPath).toHaveBeenCalledWith('userData', '/tmp/sr-data');
  });

  it('loads the dev server only in an unpackaged app', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect(rendererEntryUrl({ isPackaged: false }, '/opt/app/out/main', env)).toBe('http://localhost:5173/');
    expect(rendererEntryUrl({ isPackaged: true }, '/opt/app/out/main', env)).toBe('file:///opt/app/out/renderer/index.html');
    expect(rendererEntryUrl({ isPackaged: false }, '/opt/my app/out/main', {})).toBe('file:///opt/my%20app/out/renderer/index.html');
    expect(preloadPath('/opt/app/out/main')).toBe('/opt/app/out/preload/index.cjs');
  });
});
