import { expect, test, type Page } from '@playwright/test';
import { startFakeUiServer, type FakeUiServer } from './fakeUiServer';

// The UI shell against the real headless transport with the in-memory fake host. Queue and History run against
// the real `serve` and engine instead (app-queue.spec.ts, app-history.spec.ts).
// Screenshots of every page go to test-results/screenshots/ to be looked at.
let server: FakeUiServer;
const problems: string[] = [];

test.beforeAll(async () => {
  server = await startFakeUiServer();
});

test.afterAll(async () => {
  await server?.stop();
});

async function watchForProblems(page: Page): Promise<void> {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // A refused eval (a library probing for `new Function`) is reported as an event only, not in the console.
  // (Page code as text: the tests' typings have no DOM.)
  await page.addInitScript(
    "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' in ' + e.sourceFile + ':' + e.lineNumber));",
  );
}

async function openApp(page: Page): Promise<void> {
  await watchForProblems(page);
  await page.goto(server.url);
  // The token was traded for a cookie and dropped from the address bar.
  expect(page.url()).toBe(`${server.origin}/`);
}

async function goTo(page: Page, label: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

test('the server refuses the app without its token', async ({ page }) => {
  const response = await page.goto(`${server.origin}/`);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('launch token');
  const call = await page.request.post(`${server.origin}/api/call/queue.state`);
  expect(call.status()).toBe(401);
});

test('Drop shows sizes and estimate, uploads a file and queues it', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Drop images' })).toBeVisible();
  await expect(page.getByText('1080×1350')).toBeVisible();
  await expect(page.getByText(/per image at fal/)).toBeVisible();
  await screenshot(page, 'drop');
  // A real 1x1 PNG, through the browser's upload path into the inbox, then jobs.enqueuePaths.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await page.getByTestId('drop-input').setInputFiles({ name: 'launch-hero.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByText(/for 1 image at fal/)).toBeVisible();
  await screenshot(page, 'drop-staged');
  await page.getByRole('button', { name: 'Start 1 image' }).click();
  await expect(page.getByText('Queued 1 image.')).toBeVisible();
  await goTo(page, 'Queue', 'Queue');
  await expect(page.getByText('launch-hero.png').first()).toBeVisible();
});

test('Folders lists live status and counts, and browses server-side folders', async ({ page }) => {
  await openApp(page);
  await goTo(page, 'Folders', 'Watched folders');
  await expect(page.getByText('/home/demo/Campaigns/Spring Sale')).toBeVisible();
  await expect(page.getByText('Standby')).toBeVisible();
  await expect(page.getByText(/share is not mounted/)).toBeVisible();
  await screenshot(page, 'folders');
  await page.getByRole('button', { name: 'Add folder' }).click();
  await page.getByRole('button', { name: 'Browse…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose a folder' });
  await dialog.getByRole('button', { name: 'Campaigns' }).click();
  await dialog.getByRole('button', { name: 'Spring Sale' }).click();
  await screenshot(page, 'folders-browser');
  await dialog.getByRole('button', { name: 'Watch this folder' }).click();
  await expect(page.locator('input[name="path"]')).toHaveValue(/Campaigns\/Spring Sale$/);
  await page.getByRole('button', { name: 'Save folder' }).click();
  await expect(page.getByRole('heading', { name: 'Add a watched folder' })).toBeHidden();
  await expect(page.locator('.folder-path', { hasText: /sr-fake-ui-.*Spring Sale/ })).toBeVisible();
});

test('Profiles edits with field validation and starts from presets', async ({ page }) => {
  await openApp(page);
  await goTo(page, 'Profiles', 'Profiles');
  await expect(page.getByText('Built-in profiles cannot be changed.')).toBeVisible();
  await page.getByRole('button', { name: /Spring sale — Meta/ }).click();
  const width = page.getByLabel('Size 1 width');
  await width.fill('0');
  await expect(page.getByText('The width must be at least 1 pixel.')).toBeVisible();
  await width.fill('9000');
  await page.getByLabel('Size 1 height').fill('9000');
  await expect(page.getByText(/fal cannot make 9000x9000/)).toBeVisible();
  await screenshot(page, 'profiles-validation');
  await page.getByLabel('Size 1 policy').selectOption('local');
  await expect(page.getByText(/fal cannot make/)).toBeHidden();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: /Spring sale — Meta/ })).toContainText('v4');
  await page.getByLabel('New from preset').selectOption('pinterest');
  await expect(page.getByRole('button', { name: /Pinterest/ })).toBeVisible();
  await screenshot(page, 'profiles');
});

test('Spend shows the fake ledger with its chart and breakdowns, and Settings shows the key status', async ({ page }) => {
  await openApp(page);
  await goTo(page, 'Spend', 'Spend');
  await page.getByRole('combobox', { name: 'Period' }).selectOption('all');
  await expect(page.getByTestId('spend-total')).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(page.getByRole('table', { name: 'Spend by day, as a table' }).locator('tbody tr').first()).toBeAttached();
  await expect(page.getByRole('list', { name: 'Spend by profile' }).locator('li').first()).toBeVisible();
  await expect(page.getByTestId('spend-may-be-billed')).toContainText('may be billed');
  // A long ledger's screen-reader table must not make the window scroll (260 px at 1024x640 once).
  await page.setViewportSize({ width: 1024, height: 640 });
  await expect.poll(() => page.evaluate('document.scrollingElement.scrollHeight - window.innerHeight')).toBe(0);
  await page.setViewportSize({ width: 1360, height: 860 });
  await screenshot(page, 'spend');
  await goTo(page, 'Settings', 'Settings');
  await expect(page.getByText('Encrypted with the system keychain.')).toBeVisible();
  await page.getByLabel('Jobs at a time').fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('At least 1 job at a time.')).toBeVisible();
  await page.getByLabel('Jobs at a time').fill('4');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await screenshot(page, 'settings');
});

test('no page logged an error or a CSP violation', () => {
  expect(problems).toEqual([]);
});
