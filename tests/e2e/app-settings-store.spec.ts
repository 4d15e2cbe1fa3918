import { existsSync } from 'node:fs';
import { SettingsStore } from '../../electron/engine/settings/settingsStore';
import { openPostgresStore } from '../../electron/engine/store/postgres/pgJobStore';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { startAppServer } from '../support/e2e/appServer';
import { expect, test } from '../support/e2e/appTest';
import { freshDatabase } from '../support/postgres/freshDatabase';
import { startPgCluster } from '../support/postgres/pgCluster';

// The Settings page's Store card on the real `serve`: which store this instance uses (the team database without its
// password), who else is connected, its instance name, and switching store, each saved for the next start.

const pgInstalled = existsSync('/usr/lib/postgresql');

test('Store card on one computer: SQLite in the data folder; a bad team URL is refused, saying why', async ({ page }) => {
  const problems = collectPageProblems(page);
  const app = await startAppServer();
  try {
    await openApp(page, app);
    await goTo(page, 'Settings', 'Settings');
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Store' }) });
    await expect(card.getByTestId('store-in-use')).toContainText('kept in SQLite on this computer (the default)');
    await expect(card.getByLabel('Store in use')).toHaveValue(/jobs\.sqlite$/);
    await expect(card.getByTestId('connected-instances')).toHaveCount(0);

    await card.getByLabel('Team store URL').fill('mysql://team@nas/studio');
    await card.getByRole('button', { name: 'Connect and save' }).click();
    await expect(card.getByRole('alert')).toContainText('A team store is a postgres:// or postgresql:// URL.');
    await card.getByLabel('Team store URL').fill('postgres://team:pw@127.0.0.1:9/studio');
    await card.getByRole('button', { name: 'Connect and save' }).click();
    await expect(card.getByRole('alert')).toContainText('The team database postgres://team:***@127.0.0.1:9/studio does not answer');
    await expect(card.getByTestId('store-restart')).toHaveCount(0);
    expect((await app.call('settings.store')).saved).toBeNull();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-store-sqlite');
    expect(problems.filter((problem) => !/status of 4\d\d/.test(problem))).toEqual([]);
  } finally {
    await app.close();
  }
});

test('Store card on a team store: the database without its password, who is connected, a new name and store for the next start', async ({ page }) => {
  test.skip(!pgInstalled, 'PostgreSQL is not installed (apt-get install postgresql)');
  test.setTimeout(120_000);
  const problems = collectPageProblems(page);
  const cluster = startPgCluster();
  // The URL as a person types it, with a password (the throw-away cluster trusts local connections anyway).
  const url = (await freshDatabase(cluster.url)).replace('postgresql://postgres@', 'postgresql://postgres:s3cret@');
  const other = (await freshDatabase(cluster.url)).replace('postgresql://postgres@', 'postgresql://postgres:other-secret@');
  const app = await startAppServer({
    engine: { env: { SMART_RESIZE_LEASE_MS: '1500' } },
    seed: async (_root, dataDir) => void new SettingsStore(dataDir).update({ store: url }),
  });
  const colleague = openPostgresStore(url, { instance: 'studio-colleague', leaseMs: 1500 });
  try {
    await colleague.jobs.getJob('connects');
    const me = (await app.call('settings.store')).instance.inUse!;
    await page.setViewportSize({ width: 1280, height: 900 });
    await openApp(page, app);
    await goTo(page, 'Settings', 'Settings');
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Store' }) });
    await expect(card.getByTestId('store-in-use')).toContainText('shared with the team in PostgreSQL (chosen here in Settings)');
    await expect(card.getByLabel('Store in use')).toHaveValue(/^postgresql:\/\/postgres:\*\*\*@localhost\/team_/);
    await expect(card.getByTestId('connected-instances')).toContainText(`${me} (this instance)`);
    await expect(card.getByTestId('connected-instances')).toContainText('studio-colleague on ', { timeout: 20_000 });
    await expect(card.getByLabel('Instance name')).toHaveValue(me);

    // A new name: saved, used from the next start (claims and leases stay under the name in use until then).
    await card.getByLabel('Instance name').fill('studio-north');
    await card.getByRole('button', { name: 'Save name' }).click();
    await expect(card.getByTestId('instance-restart')).toHaveText(`Restart the app to join the team as studio-north (it is ${me} until then).`);

    // Another team database: connected to, saved, for the next start.
    await card.getByLabel('Team store URL').fill(other);
    await card.getByRole('button', { name: 'Connect and save' }).click();
    await expect(card.getByTestId('store-restart')).toHaveText('Saved. Restart the app to use the team store saved above; until then it keeps using the store in use.');
    await expect(card.getByText(/^Saved: /)).toContainText(`postgresql://postgres:***@localhost/${new URL(other).pathname.slice(1)}`);
    await expect(card.getByLabel('Team store URL')).toHaveValue('');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-store-team');
    expect(await page.content()).not.toMatch(/s3cret|other-secret/);
    expect(new SettingsStore(app.dataDir).get()).toMatchObject({ store: other, instanceName: 'studio-north' });

    // Back to SQLite on this computer: saved too, still for the next start.
    await card.getByRole('button', { name: 'Use SQLite on this computer' }).click();
    await expect(card.getByTestId('store-restart')).toContainText('Restart the app to use SQLite on this computer');
    expect(problems).toEqual([]);
  } finally {
    await app.close();
    await colleague.close();
    cluster.remove();
  }
});
