import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeptFiles } from '../../../electron/engine/watch/offline/keptFiles';
import { KEPT_FILES_NAME } from '../../../electron/engine/watch/offline/offlineIntakeFor';
import { pollUntil } from '../../support/engine/pollUntil';
import { startPgCluster, type PgCluster } from '../../support/postgres/pgCluster';
import { freshDatabase } from '../../support/postgres/freshDatabase';
import { startTeamRun, type TeamRun } from '../../support/team/teamRun';
import { expectEachImageSubmittedOnce } from '../../support/team/madeOnce';

const IMAGES = 12;

let run: TeamRun | undefined;
let cluster: PgCluster | undefined;
afterEach(async () => {
  await run?.cleanup();
  cluster?.remove();
  run = cluster = undefined;
});

const keptPaths = (dataDir: string) => (existsSync(join(dataDir, KEPT_FILES_NAME)) ? new KeptFiles(join(dataDir, KEPT_FILES_NAME)).list().map((file) => file.path) : []);
/** Files whose job the process announced (printed after its commit): those are in the database. */
const queuedNames = (text: string) => new Set([...text.matchAll(/(img-\d+\.jpg): queued/g)].map((match) => match[1]!));

describe('a team database going away while files are being taken in', () => {
  it('sends every file whose store call fails to the kept-files list at once, instead of holding it in memory, so a SIGKILL then loses none and makes none twice', async () => {
    cluster = startPgCluster();
    const team = (run = await startTeamRun({
      url: await freshDatabase(cluster.url),
      instances: ['studio-a'],
      images: IMAGES,
      settings: { settleMs: 100, concurrency: 4 },
      // Short leases: the killed instance's claims are taken over in seconds after its restart. (Heartbeats or not,
      // a store call already under way when the server goes keeps waiting for it unless intake says otherwise.)
      leaseMs: 3000,
    }));
    const watch = team.processes[0]!;
    const dataDir = team.dataDirs[0]!;
    await team.drop();
    // Stop the database while the files are being taken in: some are committed, some are mid-call.
    await watch.waitForOutput(/img-\d+\.jpg: queued/, 120_000);
    cluster.stop();

    // Every file is either committed (its job announced) or kept on disk; none waits in memory for the database.
    await pollUntil(
      () => {
        const accounted = new Set([...queuedNames(watch.text), ...keptPaths(dataDir).map((path) => path.split('/').pop()!)]);
        return accounted.size === IMAGES ? true : undefined;
      },
      {
        timeoutMs: 120_000,
        what: `all ${IMAGES} files committed or kept`,
        describe: () => `queued ${queuedNames(watch.text).size}, kept ${keptPaths(dataDir).length}\n${watch.text.slice(-1500)}`,
      },
    );
    expect(keptPaths(dataDir).length).toBeGreaterThan(0);
    await watch.kill9();

    cluster.start();
    await team.start(0);
    await team.waitForJobs((jobs) => jobs.length === IMAGES && jobs.every((job) => job.state === 'done'), 'every file done once after the restart', 120_000);
    await pollUntil(() => (keptPaths(dataDir).length === 0 ? true : undefined), { what: 'nothing left kept', describe: () => keptPaths(dataDir).join(', ') });
    await team.processes[0]!.interrupt();

    await expectEachImageSubmittedOnce(team);
  }, 600_000);
});
