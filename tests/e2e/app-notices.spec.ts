import { collectPageProblems, openApp, screenshot } from '../support/e2e/appPage';
import { expect, test } from '../support/e2e/appTest';

// The engine's notices (here: files of a watched folder it could not read, which never become jobs) reach the page
// over the event stream as toasts; warnings leave by themselves, and each can be dismissed.

test('engine notices show as toasts that can be dismissed', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await openApp(page, app);
  const notice = (name: string) => ({ kind: 'file', level: 'warning', message: `${app.root}/photos/${name}: permission denied`, folderId: 'photos', path: `${app.root}/photos/${name}` }) as const;
  // The page's event socket may still be connecting: tell it again until the toast shows.
  await expect(async () => {
    app.server.engine.events.emit('notice', notice('locked.jpg'));
    await expect(page.getByTestId('notice-toast')).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  app.server.engine.events.emit('notice', notice('also-locked.jpg'));
  const toasts = page.getByTestId('notice-toast');
  await expect(toasts).toHaveCount(2);
  await expect(toasts.first()).toContainText('also-locked.jpg: permission denied');
  await screenshot(page, 'notices');

  await toasts.first().getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(toasts).toHaveCount(1);
  await expect(toasts.first()).toContainText('locked.jpg: permission denied');
  expect(problems).toEqual([]);
});
