import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile } from '../support/e2e/appSetup';
import { dropFilesOn } from '../support/e2e/dropFiles';
import { expect, test } from '../support/e2e/appTest';

// What the Drop page takes and what it refuses, against the real server: SVG is a supported format, so an SVG as
// editors export it is taken and resized; a text file is refused the moment it is dropped, with the reason.

const EXPORTED_SVG = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<!-- Generator: Adobe Illustrator 24.0 -->',
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="#3366ff"/><circle cx="200" cy="100" r="80" fill="#ffcc00"/></svg>',
].join('\n');

test('an exported SVG is taken and resized; a text file is refused at drop with the reason', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await createProfile(app, 'Square local', [{ width: 300, height: 300, policy: 'local' }]);
  const svg = join(app.root, 'logo.svg');
  const txt = join(app.root, 'notes.txt');
  writeFileSync(svg, EXPORTED_SVG);
  writeFileSync(txt, 'Shopping list: milk, eggs, bread.\n');
  await openApp(page, app);
  await page.locator('.drop-side').getByLabel('Profile').selectOption({ label: 'Square local' });
  const zone = page.getByRole('button', { name: 'Drop images here, or choose files' });

  await dropFilesOn(zone, [svg], 'image/svg+xml');
  await dropFilesOn(zone, [txt], 'text/plain');
  const refusal = page.getByRole('alert').filter({ hasText: 'notes.txt' });
  await expect(refusal).toContainText('TXT files are not images the app can resize (it takes JPEG, PNG, WebP, GIF, TIFF, AVIF, HEIC or SVG).');
  await expect(page.locator('.staged-list li')).toHaveText([/logo\.svg/]);
  await expect(page.getByRole('button', { name: 'Start 1 image' })).toBeEnabled();
  await screenshot(page, 'drop-refused-txt');

  await page.getByRole('button', { name: 'Start 1 image' }).click();
  await expect(page.getByText('Queued 1 image.')).toBeVisible();
  await goTo(page, 'History', 'History');
  await expect(page.locator('.history-row', { hasText: 'logo.svg' })).toContainText('Done', { timeout: 20_000 });
  const [job] = (await app.call('jobs.query', { limit: 10 })).items;
  expect(job).toMatchObject({ sourceName: 'logo.svg', state: 'done' });
  expect(job!.outputs.map((output) => output.target)).toEqual(['300x300']);
  expect(problems).toEqual([]);
});
