import { randomUUID } from 'node:crypto';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';
import { POSTGRES_MISSING, postgresInstalled, startTeamApp } from '../support/e2e/teamApp';

// The real `serve` on a team's PostgreSQL store where a colleague's team preset has the name of a profile of this
// computer: every place a profile is chosen tells them apart ("Meta feed (team)"), and "Stop sharing" takes the
// preset out of the team, this instance keeping its copy (renamed beside its own "Meta feed").

test.skip(!postgresInstalled, POSTGRES_MISSING);

test('team presets: a team profile and a local one of one name are told apart; Stop sharing keeps a copy', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = collectPageProblems(page);
  const team = await startTeamApp({ withColleague: true });
  const { app } = team;
  const colleague = team.colleague!;
  try {
    const localId = await createProfile(app, 'Meta feed', [{ width: 1080, height: 1080, policy: 'local' }]);
    // The colleague's own "Meta feed" (another profile: its id and sizes), shared with the team.
    const seedId = await createProfile(app, 'Seed', [{ width: 300, height: 250, policy: 'local' }]);
    await app.call('profiles.share', { id: seedId });
    const seed = (await colleague.presets.since(0)).find((row) => row.presetId === seedId)!;
    const teamId = randomUUID();
    const body = { ...(seed.body as object), id: teamId, name: 'Meta feed', sizes: [{ width: 1080, height: 1920, policy: 'local' }] };
    await colleague.presets.add({ kind: 'profile', presetId: teamId, version: 1, body, removed: false });
    await app.call('profiles.remove', { id: seedId });
    await expect.poll(async () => (await app.call('profiles.list')).some((profile) => profile.id === teamId), { timeout: 20_000 }).toBe(true);

    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, app);
    const profileSelect = page.getByRole('combobox', { name: 'Profile' });
    await expect(profileSelect.locator('option', { hasText: /^Meta feed( \(team\))?$/ })).toHaveText(['Meta feed', 'Meta feed (team)']);
    await profileSelect.selectOption({ label: 'Meta feed (team)' });
    await expect(profileSelect).toHaveValue(teamId);
    await screenshot(page, 'team-profile-names-drop');

    await goTo(page, 'Folders', 'Watched folders');
    await page.getByRole('button', { name: 'Add folder' }).click();
    await expect(page.getByRole('combobox', { name: 'Profile' }).locator('option', { hasText: /^Meta feed( \(team\))?$/ })).toHaveText(['Meta feed', 'Meta feed (team)']);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await goTo(page, 'History', 'History');
    await expect(page.getByRole('combobox', { name: 'Profile' }).locator('option', { hasText: /^Meta feed( \(team\))?$/ })).toHaveText(['Meta feed', 'Meta feed (team)']);

    // Stop sharing the team's: it leaves the team's database for every instance, this one keeps it as its own.
    await goTo(page, 'Profiles', 'Profiles');
    await page.getByRole('button', { name: /Meta feed.*team/ }).click();
    await expect(page.getByTestId('team-preset-note')).toContainText('Team preset');
    await page.getByRole('button', { name: 'Stop sharing' }).click();
    await expect(page.getByTestId('team-preset-stopped')).toContainText('No longer shared with the team');
    await expect(page.getByRole('button', { name: /Meta feed \(team copy\)/ })).not.toContainText(/team$/);
    await expect(page.getByRole('button', { name: /team/ })).toHaveCount(1);
    await screenshot(page, 'team-profile-stopped');

    const rows = (await colleague.presets.since(0)).filter((row) => row.presetId === teamId);
    expect(rows.map((row) => [row.version, row.removed, (row.body as { stoppedSharing?: boolean }).stoppedSharing ?? false, row.savedBy])).toEqual([
      [1, false, false, 'studio-colleague'],
      [2, true, true, 'studio-e2e'],
    ]);
    const kept = await app.call('profiles.get', { id: teamId });
    expect(kept).toMatchObject({ name: 'Meta feed (team copy)', sharingStopped: true, sizes: [{ width: 1080, height: 1920 }] });
    expect(kept.shared).toBeUndefined();
    expect((await app.call('profiles.get', { id: localId })).name).toBe('Meta feed');
    expect(problems).toEqual([]);
  } finally {
    await team.close();
  }
});
