import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { JobRecord } from '../../../electron/engine/store';
import { outputProblems, submitsForHash } from '../engine/outputChecks';
import { TEAM_OUTPUT_FOLDER, type TeamRun } from './teamRun';

/**
 * What every team fault test ends on: each image the run staged has exactly one job, sent to fal exactly once
 * (whichever instance made it, whatever was killed or cut off meanwhile). Returns the jobs for further checks.
 */
export async function expectEachImageSubmittedOnce(team: TeamRun): Promise<JobRecord[]> {
  const jobs = await team.jobs();
  expect(jobs.map((job) => job.contentHash).sort()).toEqual([...team.hashes].sort());
  expect(jobs.filter((job) => submitsForHash(team.fake, job.contentHash).length !== 1).map((job) => job.sourceName)).toEqual([]);
  return jobs;
}

/** The same, and each image's one output written once, whole (no torn or temp file), and nothing else beside them. */
export async function expectEachImageMadeOnce(team: TeamRun): Promise<void> {
  const jobs = await expectEachImageSubmittedOnce(team);
  for (const job of jobs) {
    const outputs = await team.store.outputs.listOutputs(job.id);
    expect(outputs, job.sourceName).toHaveLength(1);
    expect(await outputProblems(outputs), job.sourceName).toEqual([]);
  }
  expect(readdirSync(join(team.root, TEAM_OUTPUT_FOLDER)).sort()).toEqual(jobs.map((job) => job.sourceName).sort());
}
