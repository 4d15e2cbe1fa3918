import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, expect, test, type ElectronApplication } from '@playwright/test';
import { apiContract } from '../../electron/shared';

// Launches the built desktop app in a real Electron and checks the window shows the Drop page through the preload
// bridge. Electron's binary is downloaded by the `electron` package's install script; where that was skipped (as on
// the machines this project is built on) the test skips and says so. It never calls `require('electron')`, which
// would try to download the binary.

const repo = resolve(import.meta.dirname, '../..');

/** The Electron executable, or why there is none. */
function findElectron(): { path: string } | { missing: string } {
  const packageDir = join(repo, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (!existsSync(pathFile) && !override) {
    return { missing: `no Electron binary: ${pathFile} does not exist (the electron package was installed without its download, e.g. ELECTRON_SKIP_BINARY_DOWNLOAD=1)` };
  }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const path = override ? join(override, relative) : join(packageDir, 'dist', relative);
  return existsSync(path) ? { path } : { missing: `no Electron binary at ${path}` };
}

const electron = findElectron();
const skipReason = 'missing' in electron ? `Electron launch test skipped: ${electron.missing}.` : '';
// The list reporter does not print skip reasons, so say it once here too.
if (skipReason && !process.env['TEST_WORKER_INDEX']) console.log(skipReason);

test.describe('Electron app', () => {
  test.skip(skipReason !== '', skipReason);

  let app: ElectronApplication;
  let dataDir: string;

  test.beforeAll(async () => {
    if (!('path' in electron)) return;
    if (!existsSync(join(repo, 'out/main/index.js')) || !existsSync(join(repo, 'out/preload/index.cjs'))) {
      execFileSync('npx', ['electron-vite', 'build'], { cwd: repo, stdio: 'inherit' });
    }
    dataDir = mkdtempSync(join(tmpdir(), 'sr-electron-e2e-'));
    app = await _electron.launch({
      executablePath: electron.path,
      // Root cannot use Chromium's OS sandbox (containers, CI); the page's own sandbox option still applies.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), repo],
      cwd: repo,
      // A throw-away data folder, which also gives this run its own single-instance lock.
      env: { ...process.env, SMART_RESIZE_DATA: dataDir },
    });
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens the Drop page with the preload bridge and no Node in the page', async () => {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Drop images' })).toBeVisible();
    // The profile list came over IPC: the built-in profiles fill the select.
    await expect(page.locator('select option').first()).toBeAttached();
    const exposed = await page.evaluate(() => {
      const scope = globalThis as unknown as { smartResize?: Record<string, unknown>; require?: unknown; process?: unknown };
      return {
        keys: Object.keys(scope.smartResize ?? {}).sort(),
        host: scope.smartResize?.['host'],
        require: typeof scope.require,
        process: typeof scope.process,
      };
    });
    expect(exposed.host).toBe('electron');
    expect(exposed.keys).toEqual([...Object.keys(apiContract), 'host', 'onEvent', 'pathForFile'].sort());
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    await page.screenshot({ path: 'test-results/screenshots/electron-drop.png' });
  });

  test('keeps the window on its page: window.open is denied', async () => {
    const page = await app.firstWindow();
    // Not an http(s) URL, so nothing is opened in the system browser either.
    const opened = await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('file:///etc/hostname') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
