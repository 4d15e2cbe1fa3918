import { rename } from 'node:fs/promises';
import { afterEach, describe, inject, it } from 'vitest';
import { pollUntil } from '../../support/engine/pollUntil';
import { freshDatabase } from '../../support/postgres/freshDatabase';
import { startTeamRun, type TeamRun } from '../../support/team/teamRun';
import { expectEachImageMadeOnce } from '../../support/team/madeOnce';

const IMAGES = Number(process.env.TEAM_TEST_IMAGES ?? 40);

let run: TeamRun | undefined;
afterEach(async () => {
  await run?.cleanup();
  run = undefined;
});

/** Lines a watch process printed about the watched folder's state, in order ("watching", "standby"). */
const folderStates = (text: string, folder: string) => [...text.matchAll(new RegExp(`folder ${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (\\w+)`, 'g'))].map((match) => match[1]!);

describe('the shared hot folder going away mid-batch and coming back', () => {
  it('puts both instances in standby and back, and makes every image once: one submit, one output, none lost', async () => {
    const team = (run = await startTeamRun({
      url: await freshDatabase(inject('pgUrl')),
      instances: ['studio-a', 'studio-b'],
      images: IMAGES,
      settings: { settleMs: 200, concurrency: 4 },
      leaseMs: 1500,
    }));
    await team.drop();
    // Mid-batch: some images sent, others still waiting to be read.
    await pollUntil(() => (team.fake.countSubmits() >= IMAGES / 4 ? true : undefined), { timeoutMs: 180_000, intervalMs: 20, what: 'a quarter submitted' });

    // The share goes (renamed away whole, as an unmounted NAS folder is gone for every instance at once).
    const away = `${team.folder}-away`;
    await rename(team.folder, away);
    await pollUntil(() => (team.processes.every((watch) => folderStates(watch.text, team.folder).at(-1) === 'standby') ? true : undefined), {
      timeoutMs: 120_000,
      what: 'both instances in standby',
      describe: () => team.processes.map((watch) => watch.text.slice(-1500)).join('\n---\n'),
    });
    await rename(away, team.folder);
    await pollUntil(() => (team.processes.every((watch) => folderStates(watch.text, team.folder).at(-1) === 'watching') ? true : undefined), {
      timeoutMs: 120_000,
      what: 'both instances watching again',
      describe: () => team.processes.map((watch) => watch.text.slice(-1500)).join('\n---\n'),
    });

    await team.waitForJobs((jobs) => jobs.length === IMAGES && jobs.every((job) => job.state === 'done'), 'every image done after the folder came back');
    await Promise.all(team.processes.map((watch) => watch.interrupt()));
    await expectEachImageMadeOnce(team);
  }, 600_000);
});
