import WebSocket from 'ws';
import { HTTP_ROUTES } from '../../electron/shared';
import { screenshot } from '../support/e2e/appPage';
import { expect, test } from '../support/e2e/appTest';

// The headless server answers only holders of its per-launch token: API calls, the page and the event socket.

async function callQueueState(origin: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`${origin}${HTTP_ROUTES.call}queue.state`, { method: 'POST', headers });
  await response.body?.cancel();
  return response.status;
}

/** The HTTP status a WebSocket upgrade to the event stream gets (101 when it opens). */
function eventSocketStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

test('API calls and the event stream without the launch token are refused', async ({ app }) => {
  expect(await callQueueState(app.origin)).toBe(401);
  expect(await callQueueState(app.origin, { Authorization: 'Bearer not-the-token' })).toBe(401);
  expect(await callQueueState(app.origin, { Authorization: `Bearer ${app.token}` })).toBe(200);

  const events = `${app.origin.replace(/^http/, 'ws')}${HTTP_ROUTES.events}`;
  expect(await eventSocketStatus(events)).toBe(401);
  expect(await eventSocketStatus(`${events}?token=${encodeURIComponent(app.token)}`)).toBe(101);
});

test('the page opened without the token shows the refusal, and with it the app', async ({ page, app }) => {
  const refused = await page.goto(`${app.origin}/`);
  expect(refused?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('needs its launch token');
  await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);
  await screenshot(page, 'token-refused');

  // The printed URL trades the token for a cookie and drops it from the address bar.
  await page.goto(app.url);
  expect(page.url()).toBe(`${app.origin}/`);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
});
