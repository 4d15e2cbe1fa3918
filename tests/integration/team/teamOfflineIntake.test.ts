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

/** How many files an instance keeps in its data folder (read from the file, as a restart would). */
const keptIn = (dataDir: string) => (existsSync(join(dataDir, KEPT_FILES_NAME)) ? new KeptFiles(join(dataDir, KEPT_FILES_NAME)).count : 0);

describe('files arriving while the team database is down', () => {
  it('are kept by every instance in its data folder, then admitted once for the team when it is back (the others: "seen by")', async () => {
    cluster = startPgCluster();
    const team = (run = await startTeamRun({
      url: await freshDatabase(cluster.url),
      instances: ['studio-a', 'studio-b'],
      images: IMAGES,
      settings: { settleMs: 200, concurrency: 4 },
      leaseMs: 1500,
    }));
    cluster.stop();
    // Each instance says so once its heartbeat fails: from then on what it finds is kept, not waited on.
    await pollUntil(() => (team.processes.every((watch) => watch.text.includes('is not answering')) ? true : undefined), {
      timeoutMs: 120_000,
      what: 'both instances to notice the outage',
      describe: () => team.processes.map((watch) => watch.text.slice(-400)).join('\n---\n'),
    });
    await team.drop();
    await pollUntil(() => (team.dataDirs.every((dir) => keptIn(dir) === IMAGES) ? true : undefined), {
      timeoutMs: 180_000,
      what: `${IMAGES} files kept by each instance`,
      describe: () => team.dataDirs.map(keptIn).join(', '),
    });

    // One instance is killed with its files kept: they are on disk, and it takes them in after its restart.
    await team.processes[1]!.kill9();
    expect(keptIn(team.dataDirs[1]!)).toBe(IMAGES);
    cluster.start();
    await team.start(1);

    await team.waitForJobs((jobs) => jobs.length === IMAGES && jobs.every((job) => job.state === 'done'), 'every kept file done after the outage');
    await pollUntil(() => (team.dataDirs.every((dir) => keptIn(dir) === 0) ? true : undefined), { what: 'nothing left kept', describe: () => team.dataDirs.map(keptIn).join(', ') });
    await Promise.all(team.processes.map((watch) => watch.interrupt()));

    await expectEachImageSubmittedOnce(team);
    // Each image was admitted by one instance; the other one's sighting of it is a "seen by" row, not a job.
    const rows = await team.db.query<{ created_by: string; seen_by: string[] }>(
      'SELECT j.created_by, array_agg(DISTINCT s.instance) AS seen_by FROM jobs j LEFT JOIN job_sightings s ON s.job_id = j.id GROUP BY j.id, j.created_by',
    );
    expect(rows.rows).toHaveLength(IMAGES);
    for (const row of rows.rows) {
      expect(['studio-a', 'studio-b']).toContain(row.created_by);
      expect(row.seen_by.filter((name) => name !== null && name !== row.created_by)).toHaveLength(1);
    }
  }, 600_000);
});
