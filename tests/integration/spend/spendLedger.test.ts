import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toJobDetail } from '../../../electron/engine/api/jobDto';
import type { ProfileInput } from '../../../electron/engine/profiles';
import { runCli } from '../../support/cli/runCli';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { uploadNameFor, writeTestJpeg } from '../../support/engine/testImages';
import { sha256 } from '../../support/fakeFal';
import { billedByFake, renderedTiers, sumBy } from './spendEvidence';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const profile = (name: string, numImagesPerSize: number, resolution: '1K' | '2K', sizes: Array<[number, number]>): ProfileInput => ({
  name,
  sizes: sizes.map(([width, height]) => ({ width, height, policy: 'fal' as const })),
  output: { format: 'jpeg', quality: 80 },
  fal: { numImagesPerSize, resolution },
});

describe('the spend ledger against what fal returned', () => {
  it('charges every request by fal formula over its reported tiers and image counts; 422s apart; CSV and CLI agree', async () => {
    harness = await startEngineHarness({ fakeOptions: { renderMode: 'flat', latency: { processingMs: 50, concurrency: 4 } }, settings: { concurrency: 3 } });
    const { engine, fake, root, store, api, profiles } = harness;
    // 800x1000 fits a 1K preset, 1080x1080 needs 2K, 2100x2100 4K; a 2K hint lifts 1K sizes; 1..3 images per size.
    const tiers = profiles.create(profile('Tiers', 1, '1K', [[800, 1000], [1080, 1080], [2100, 2100]]));
    const pair = profiles.create(profile('Pair at 2K', 2, '2K', [[800, 1000]]));
    const triple = profiles.create(profile('Triple', 3, '1K', [[1200, 628], [1000, 1000]]));
    const drops = join(root, 'drops');
    mkdirSync(drops);
    const write = async (name: string, seed: number) => {
      const path = join(drops, name);
      return { path, key: uploadNameFor(sha256(await writeTestJpeg(path, seed))) };
    };
    const flagged = await write('flagged.jpg', 900);
    fake.failNextJob({ kind: 'error', type: 'content_policy_violation' }, { imageKey: flagged.key });
    await engine.enqueuePaths([(await write('t1.jpg', 901)).path, (await write('t2.jpg', 902)).path, flagged.path], tiers.id);
    await engine.enqueuePaths([(await write('p1.jpg', 903)).path, (await write('p2.jpg', 904)).path], pair.id);
    await engine.enqueuePaths([(await write('x1.jpg', 905)).path], triple.id);
    const jobs = await harness.waitForJobs(6, ['done', 'failed']);
    expect(jobs.filter((job) => job.state === 'failed').map((job) => job.sourceName)).toEqual(['flagged.jpg']);

    // The fake rendered every tier; the ledger's charge per request is fal's formula over what each request returned.
    expect(new Set(await renderedTiers(fake))).toEqual(new Set(['1K', '2K', '4K']));
    const billed = await billedByFake(fake);
    const rows = await store.ledger.all();
    const charges = rows.filter((row) => row.kind === 'charge');
    expect(sumBy(charges, (row) => row.requestId!)).toEqual(billed);
    const total = Object.values(billed).reduce((sum, cents) => sum + cents, 0);
    const summary = await api.spend.summary({});
    expect(summary.totalCents).toBe(total);
    expect(summary.byProfile.reduce((sum, entry) => sum + entry.cents, 0)).toBe(total);
    expect(summary.reservedCents).toBe(0);
    // Each job shows what its requests cost (History's cost column), and a refused one shows none.
    for (const job of jobs) {
      const requests = (await store.requests.listRequests(job.id)).map((request) => request.requestId);
      const cost = requests.reduce((sum, id) => sum + (billed[id] ?? 0), 0);
      expect((await toJobDetail(store, job.id))?.costCents, job.sourceName).toBe(job.state === 'done' ? cost : null);
    }

    // The refused request: recorded once, apart, at the lowest tiers of what was asked (5 + 15 + 15 + 30).
    const refusedJob = jobs.find((job) => job.sourceName === 'flagged.jpg')!;
    const [refusedRequest] = await store.requests.listRequests(refusedJob.id);
    expect(rows.filter((row) => row.kind === 'may_be_billed').map((row) => [row.requestId, row.cents])).toEqual([[refusedRequest!.requestId, 65]]);
    expect(summary.mayBeBilledCents).toBe(65);
    expect(billed[refusedRequest!.requestId]).toBeUndefined();

    // CSV: a header and one line per ledger row; its charge lines sum to the total.
    const lines = (await api.spend.exportCsv({})).csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(rows.length + 1);
    const header = lines[0]!.split(',');
    const cells = lines.slice(1).map((line) => line.split(','));
    const charged = cells.filter((cell) => cell[header.indexOf('kind')] === 'charge');
    expect(charged.reduce((sum, cell) => sum + Number(cell[header.indexOf('cents')]), 0)).toBe(total);

    // The CLI reads the same ledger: total_cents is its sum, breakdowns in cents.
    const run = await runCli(['spend', '--data', harness.dataDir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as { total_cents: number; may_be_billed_cents: number; by_day: Array<{ cents: number }>; by_profile: Array<{ name: string; cents: number }> };
    expect(printed.total_cents).toBe(total);
    expect(printed.may_be_billed_cents).toBe(65);
    expect(printed.by_day.reduce((sum, day) => sum + day.cents, 0)).toBe(total);
    expect(Object.fromEntries(printed.by_profile.map((entry) => [entry.name, entry.cents]))).toEqual(sumBy(charges, (row) => row.profileName));
    const text = await runCli(['spend', '--data', harness.dataDir, '--since', '2000-01-01']);
    expect(text.stdout).toMatch(new RegExp(`Total\\s+\\$${Math.floor(total / 100)}\\.${String(total % 100).padStart(2, '0')} for`));
  });
});

describe('smart routing savings', () => {
  it('records what fal would have cost for auto sizes the local engine made, with the vision fee only when nothing was sent', async () => {
    harness = await startEngineHarness({ fakeOptions: { renderMode: 'flat' } });
    const { engine, root, store, api, profiles } = harness;
    const sizes = (list: Array<[number, number, 'auto' | 'fal']>) => list.map(([width, height, policy]) => ({ width, height, policy }));
    // A 640x480 source and a 320x240 target: the same shape, so a cover crop keeps everything and auto stays local.
    const allAuto = profiles.create({ name: 'All auto', sizes: sizes([[320, 240, 'auto']]), fal: { numImagesPerSize: 2 } });
    const mixed = profiles.create({ name: 'Mixed', sizes: sizes([[320, 240, 'auto'], [1080, 1080, 'fal']]) });
    const drops = join(root, 'drops');
    mkdirSync(drops);
    await writeTestJpeg(join(drops, 'local.jpg'), 950);
    await writeTestJpeg(join(drops, 'mixed.jpg'), 951);
    await engine.enqueuePaths([join(drops, 'local.jpg')], allAuto.id);
    await engine.enqueuePaths([join(drops, 'mixed.jpg')], mixed.id);
    const jobs = await harness.waitForJobs(2, ['done', 'failed']);
    expect(jobs.map((job) => job.state)).toEqual(['done', 'done']);
    const rows = await store.ledger.all();
    const byJob = (name: string) => rows.filter((row) => row.jobId === jobs.find((job) => job.sourceName === name)!.id).map((row) => [row.kind, row.cents]);
    // Two 1K images and the request's vision fee saved; in the mixed job one 1K image saved and the 2K size charged.
    expect(byJob('local.jpg')).toEqual([['saving', 5 + 2 * 15]]);
    expect(byJob('mixed.jpg').sort()).toEqual([['charge', 5 + 15], ['saving', 15]]);
    expect(await api.spend.summary({})).toMatchObject({ savingsCents: 50, totalCents: 20 });
    expect(Object.values(await billedByFake(harness.fake))).toEqual([20]);
  });
});
