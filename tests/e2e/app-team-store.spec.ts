import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';
import { stageImages } from '../support/e2e/imageWaves';
import { POSTGRES_MISSING, postgresInstalled, startTeamApp } from '../support/e2e/teamApp';

// The real `serve` on a team's PostgreSQL store (a throw-away cluster), as a studio runs it: the Queue page says
// which instance this is and who else is connected, and History says which instance made each job.

test.skip(!postgresInstalled, POSTGRES_MISSING);

test('the team store: who is connected on the Queue page, "made by" in History', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = collectPageProblems(page);
  const team = await startTeamApp({ leaseMs: 1500, withColleague: true });
  const { app } = team;
  const colleague = team.colleague!;
  try {
    await colleague.jobs.getJob('connects');
    const profileId = await createProfile(app, 'Team sizes', [{ width: 1080, height: 1080, policy: 'fal' }]);
    const inbox = app.makeFolder('Team inbox');
    await app.call('folders.add', { path: inbox, profileId, trusted: true });
    (await stageImages(app, inbox, 'team', [1, 2]))();

    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, app);
    await goTo(page, 'Queue', 'Queue');
    await expect(page.getByTestId('store-note')).toHaveText('Team queue as studio-e2e, with studio-colleague connected.', { timeout: 20_000 });
    await expect(page.getByTestId('batch-count')).toHaveText('Last batch: 2 of 2 finished', { timeout: 60_000 });
    await screenshot(page, 'team-queue-connected');

    await goTo(page, 'History', 'History');
    const rows = page.getByTestId('history-scroller').locator('.history-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('Team sizes · made by studio-e2e');
    await rows.first().click();
    await expect(page.getByTestId('made-on')).toHaveText('studio-e2e');
    await screenshot(page, 'team-history-made-by');

    expect(problems).toEqual([]);
  } finally {
    await team.close();
  }
});
