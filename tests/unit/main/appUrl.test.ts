import { describe, expect, it, vi } from 'vitest';
import { applyDataDir, preloadPath, rendererDir, rendererEntryUrl } from '../../../electron/main/appPaths';
import { isAppUrl, isExternalWebUrl } from '../../../electron/main/appUrl';

describe('isAppUrl', () => {
  const appEntry = 'app://app/index.html';

  it('accepts pages of the app scheme and host only, never a file on disk', () => {
    expect(isAppUrl(appEntry, appEntry)).toBe(true);
    expect(isAppUrl(`${appEntry}#/history?job=1`, appEntry)).toBe(true);
    expect(isAppUrl('app://app/', appEntry)).toBe(true);
    expect(isAppUrl('app://other/index.html', appEntry)).toBe(false);
    expect(isAppUrl('file:///opt/app/out/renderer/index.html', appEntry)).toBe(false);
    expect(isAppUrl('https://app/index.html', appEntry)).toBe(false);
  });

  it('accepts the dev server by origin only', () => {
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/#/queue', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
  });

  it('never accepts malformed or opaque URLs', () => {
    expect(isAppUrl('%%%', appEntry)).toBe(false);
    expect(isAppUrl('app:index.html', 'app:index.html')).toBe(false);
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
    expect(rendererEntryUrl({ isPackaged: false }, env)).toBe('http://localhost:5173/');
    expect(rendererEntryUrl({ isPackaged: true }, env)).toBe('app://app/index.html');
    expect(rendererEntryUrl({ isPackaged: false }, {})).toBe('app://app/index.html');
    expect(rendererDir('/opt/my app/out/main')).toBe('/opt/my app/out/renderer');
    expect(preloadPath('/opt/app/out/main')).toBe('/opt/app/out/preload/index.cjs');
  });
});
