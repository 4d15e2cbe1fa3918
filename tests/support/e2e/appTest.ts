import { test as base, expect } from '@playwright/test';
import { startAppServer, type AppServer, type AppServerOptions } from './appServer';

/**
 * Playwright's `test` with an `app` fixture: a fresh data folder, fake fal and real headless server for every test,
 * so tests never see each other's jobs, profiles or folders. Files tune it with `test.use({ appOptions: {...} })`.
 */
export const test = base.extend<{ app: AppServer; appOptions: AppServerOptions }>({
  appOptions: [{}, { option: true }],
  app: async ({ appOptions }, use) => {
    const app = await startAppServer(appOptions);
    await use(app);
    await app.close();
  },
});

export { expect };
