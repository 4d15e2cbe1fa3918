import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';
import { POSTGRES_MISSING, postgresInstalled, startTeamApp } from '../support/e2e/teamApp';

// The real `serve` on a team's PostgreSQL store: a profile is shared with the team from the Profiles page, shows as a
// team preset, and its versions are in the team's database for the other instances; sharing stopped, its first
// edit here is this computer's own copy.

test.skip(!postgresInstalled, POSTGRES_MISSING);

test('team presets: share a profile from the Profiles page; the team database holds it', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = collectPageProblems(page);
  const team = await startTeamApp({ withColleague: true });
  const { app } = team;
  const colleague = team.colleague!;
  try {
    await createProfile(app, 'Team banners', [{ width: 300, height: 250, policy: 'local' }]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, app);
    await goTo(page, 'Profiles', 'Profiles');
    await page.getByRole('button', { name: /Team banners/ }).click();
    await expect(page.getByTestId('team-preset-offer')).toContainText('Only on this computer');
    await page.getByRole('button', { name: 'Share with the team' }).click();
    await expect(page.getByTestId('team-preset-note')).toContainText('Team preset: shared with the team through postgresql://');
    await expect(page.getByRole('button', { name: /Team banners/ })).toContainText('team');
    await screenshot(page, 'team-preset-shared');

    const rows = await colleague.presets.since(0);
    expect(rows.map((row) => [row.kind, row.version, (row.body as { name: string }).name, row.savedBy])).toEqual([['profile', 1, 'Team banners', 'studio-e2e']]);

    // Stop sharing, then edit this computer's copy: the first edit makes it a profile of this computer's own id (so a
    // job of the team's queue made with it is never made with another instance's copy), and the page stays on it.
    const teamId = rows[0]!.presetId;
    await page.getByRole('button', { name: 'Stop sharing' }).click();
    await expect(page.getByTestId('team-preset-stopped')).toContainText('No longer shared with the team');
    await page.getByLabel('Name', { exact: true }).fill('My banners');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('My banners');
    await expect(page.getByTestId('team-preset-stopped')).toBeVisible();
    const copy = (await app.call('profiles.list')).find((profile) => profile.name === 'My banners');
    expect(copy).toMatchObject({ version: 2, sharingStopped: true });
    expect(copy!.id).not.toBe(teamId);
    expect(await app.call('profiles.get', { id: teamId })).toMatchObject({ id: copy!.id, name: 'My banners' });
    expect(problems).toEqual([]);
  } finally {
    await team.close();
  }
});
