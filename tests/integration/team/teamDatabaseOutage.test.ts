import { afterEach, describe, it } from 'vitest';
import { pollUntil } from '../../support/engine/pollUntil';
import { startPgCluster, type PgCluster } from '../../support/postgres/pgCluster';
import { freshDatabase } from '../../support/postgres/freshDatabase';
import { startTeamRun, type TeamRun } from '../../support/team/teamRun';
import { expectEachImageMadeOnce } from '../../support/team/madeOnce';

const IMAGES = Number(process.env.TEAM_TEST_IMAGES ?? 40);
/** The outage: long next to the leases (every one runs out) and the engine's reconnect backoff. */
const OUTAGE_MS = Number(process.env.TEAM_OUTAGE_MS ?? 30_000);

let run: TeamRun | undefined;
let cluster: PgCluster | undefined;
afterEach(async () => {
  await run?.cleanup();
  cluster?.remove();
  run = cluster = undefined;
});

describe('the team database stopped mid-batch', () => {
  it('loses nothing and does nothing twice: the instances wait, then resume by themselves when it is back', async () => {
    // A cluster of its own: the other PostgreSQL tests of the run keep theirs while this one goes down.
    cluster = startPgCluster();
    const team = (run = await startTeamRun({
      url: await freshDatabase(cluster.url),
      instances: ['studio-a', 'studio-b'],
      images: IMAGES,
      settings: { settleMs: 200, concurrency: 4 },
      leaseMs: 1500,
    }));
    await team.drop();
    await pollUntil(() => (team.fake.countSubmits() >= IMAGES / 4 ? true : undefined), { timeoutMs: 120_000, intervalMs: 20, what: 'a quarter submitted' });
    cluster.stop();
    // The outage itself is the scenario's duration (not a wait for some state): fal keeps answering meanwhile.
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    cluster.start();

    await team.waitForJobs((jobs) => jobs.length === IMAGES && jobs.every((job) => job.state === 'done'), 'every image done after the outage');
    await Promise.all(team.processes.map((watch) => watch.interrupt()));
    await expectEachImageMadeOnce(team);
  }, 300_000);
});
