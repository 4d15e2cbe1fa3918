import { afterEach, describe, expect, inject, it } from 'vitest';
import { submitsForHash } from '../../support/engine/outputChecks';
import { pollUntil } from '../../support/engine/pollUntil';
import { uploadPrefixFor } from '../../support/engine/testImages';
import { CAP_TEAM_INSTANCES, startTeamAtCap } from '../../support/team/teamAtCap';
import { TEAM_PRICE_CENTS, type TeamRun } from '../../support/team/teamRun';

const IMAGES = 24;
/** Images the team cap leaves waiting. */
const HELD = 4;
/** Submits the cap admits: the last of them reaches fal, and its sender dies before the answer is stored. */
const ADMITTED = IMAGES - HELD;

let run: TeamRun | undefined;
afterEach(async () => {
  await run?.cleanup();
  run = undefined;
});

describe('a team at its cap when an instance dies after fal took its submit', () => {
  it("finds that request again and uses it, and stops at exactly the cap: every cent in the ledger, none left reserved", async () => {
    const { team, admittedCents } = await startTeamAtCap(inject('pgUrl'), IMAGES, HELD);
    run = team;

    // The last submit the cap lets through, whichever image that is: the order images are admitted in near the cap
    // follows when the money of those before them settles (an image held at its claim while others were in flight
    // can be passed by a later one that finds the room), so no image is named in advance.
    const held = team.fake.holdAnswerNext('submit', { skip: ADMITTED - 1 });
    await team.drop();

    // fal took its submit (the request runs and bills); its sender dies before the answer is stored.
    await held.waitUntilStalled();
    const heldSubmit = team.fake.requests({ route: 'submit' }).at(-1)!;
    const hash = team.hashes.find((candidate) => heldSubmit.uploadFileName?.startsWith(uploadPrefixFor(candidate)))!;
    expect(hash).toBeDefined();
    const job = (await team.jobs()).find((record) => record.contentHash === hash)!;
    const sender = (await team.db.query<{ claimed_by: string }>('SELECT claimed_by FROM jobs WHERE id = $1', [job.id])).rows[0]!.claimed_by;
    const index = CAP_TEAM_INSTANCES.indexOf(sender);
    expect(index).toBeGreaterThanOrEqual(0);
    // Sent, no request id yet: the submit is open, its money reserved under the cap and shown as may-be-billed.
    expect((await team.store.submits.listSubmits(job.id)).map(({ state, mayBillCents }) => ({ state, mayBillCents }))).toEqual([
      { state: 'sending', mayBillCents: TEAM_PRICE_CENTS },
    ]);
    await team.processes[index]!.kill9();

    await pollUntil(
      async () => ((await team.db.query('SELECT 1 FROM jobs WHERE id = $1 AND claimed_by IS DISTINCT FROM $2', [job.id, sender])).rowCount ? true : undefined),
      { timeoutMs: 300_000, intervalMs: 100, what: `the job taken over from ${sender}` },
    );
    await team.start(index);

    const count = (jobs: Awaited<ReturnType<TeamRun['jobs']>>, state: string) => jobs.filter((record) => record.state === state).length;
    await team.waitForJobs(
      (jobs) => jobs.length === IMAGES && count(jobs, 'done') === ADMITTED && count(jobs, 'waiting_budget') === HELD,
      'every image done but those the cap holds',
    );
    await Promise.all(team.processes.map((watch) => watch.interrupt()));

    // The dead sender's request was found in fal's request history and used: sent once, paid once.
    expect((await team.store.submits.listSubmits(job.id)).map((submit) => submit.state)).toEqual(['adopted']);
    expect(submitsForHash(team.fake, hash)).toHaveLength(1);
    expect((await team.store.jobs.getJob(job.id))?.state).toBe('done');
    expect(team.fake.countSubmits()).toBe(ADMITTED);
    // Every cent explained: one charge per image fal made, nothing reserved, nothing of unknown outcome.
    const charges = (await team.store.ledger.all()).filter((entry) => entry.kind === 'charge');
    expect(charges).toHaveLength(ADMITTED);
    expect(charges.every((entry) => entry.cents === TEAM_PRICE_CENTS)).toBe(true);
    expect(await team.store.ledger.sum('charge')).toBe(admittedCents);
    expect(await team.store.reservations.total()).toBe(0);
    expect(await team.store.submits.unknownSubmitCents()).toBe(0);
  }, 900_000);
});
