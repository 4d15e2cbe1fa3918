import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppServer } from './appServer';

/** Where the app specs save their screenshots, to be looked at by a person. */
const SCREENSHOT_DIR = 'test-results/screenshots';

/**
 * Collects what the page logs as errors (console errors, uncaught exceptions, CSP violations). Specs assert the list
 * is empty at the end, so a page that works but throws behind the scenes still fails.
 */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** Opens the printed URL (token traded for a cookie) on a page and waits for the sidebar's queue badge. */
export async function openApp(page: Page, app: AppServer, hash = ''): Promise<void> {
  await page.goto(`${app.url}${hash}`);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
}

/** Clicks a page in the sidebar and waits for its heading. */
export async function goTo(page: Page, label: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** Saves a full-page screenshot as test-results/screenshots/app-<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/app-${name}.png`, fullPage: true });
}

/** What the page knows about one <img>: whether its data: URL decoded into real pixels. */
export interface LoadedImage {
  readonly alt: string;
  readonly dataUrl: boolean;
  readonly naturalWidth: number;
}

/** Every <img> under the locator with its source kind and decoded width (0 while loading or when broken). */
export async function loadedImages(locator: Locator): Promise<LoadedImage[]> {
  // evaluateAll runs in the page; the node typings here have no DOM lib, hence the structural type.
  return locator.locator('img').evaluateAll((images) =>
    images.map((image) => {
      const element = image as unknown as { alt: string; src: string; complete: boolean; naturalWidth: number };
      return { alt: element.alt, dataUrl: element.src.startsWith('data:image/'), naturalWidth: element.complete ? element.naturalWidth : 0 };
    }),
  );
}
