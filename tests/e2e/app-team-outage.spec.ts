import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';
import { stageImages } from '../support/e2e/imageWaves';
import { POSTGRES_MISSING, postgresInstalled, startTeamApp } from '../support/e2e/teamApp';

// The real `serve` on a team's PostgreSQL store that stops answering: files landing meanwhile are kept in this
// instance's data folder and the Queue page says how many; when the database is back they are admitted and done.

test.skip(!postgresInstalled, POSTGRES_MISSING);

test('the team database not answering: the Queue page counts the files kept here, admitted when it returns', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = collectPageProblems(page);
  const team = await startTeamApp({ leaseMs: 1500 });
  const { app, cluster } = team;
  try {
    const profileId = await createProfile(app, 'Team sizes', [{ width: 1080, height: 1080, policy: 'fal' }]);
    const inbox = app.makeFolder('Team inbox');
    await app.call('folders.add', { path: inbox, profileId, trusted: true });
    const drop = await stageImages(app, inbox, 'outage', [1, 2, 3]);

    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, app);
    await goTo(page, 'Queue', 'Queue');
    await expect(page.getByTestId('store-note')).toContainText('Team queue as studio-e2e', { timeout: 20_000 });

    cluster.stop();
    await expect(page.getByTestId('store-note')).toContainText('Team database not answering', { timeout: 20_000 });
    drop();
    await expect(page.getByTestId('kept-files')).toHaveText('3 files kept here, admitted when it returns', { timeout: 20_000 });
    await screenshot(page, 'team-outage-kept-files');

    cluster.start();
    await expect(page.getByTestId('store-note')).toContainText('Team queue as studio-e2e', { timeout: 30_000 });
    await expect(page.getByTestId('batch-count')).toHaveText('Last batch: 3 of 3 finished', { timeout: 60_000 });
    const jobs = (await app.call('jobs.query', { limit: 10 })).items;
    expect(jobs.map((job) => job.sourceName).sort()).toEqual(['outage-1.jpg', 'outage-2.jpg', 'outage-3.jpg']);
    expect(problems).toEqual([]);
  } finally {
    await team.close();
  }
});
