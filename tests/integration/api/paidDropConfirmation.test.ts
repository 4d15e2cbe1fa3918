import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { fileSha256 } from '../../support/engine/testImages';

// The drop confirmation threshold holds at the verb, not only in the UI: jobs.enqueuePaths refuses paid work that
// may cost more than the threshold unless the request says the person confirmed at least that maximum.

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Two images outside the watched folder, as a drop names them. */
function dropped(h: EngineHarness): string[] {
  const drops = join(h.root, 'drops');
  mkdirSync(drops, { recursive: true });
  return ['Landscape_1.jpg', 'Landscape_6.jpg'].map((name) => {
    const path = join(drops, name);
    copyFileSync(join(CORPUS, name), path);
    return path;
  });
}

describe('jobs.enqueuePaths and the confirmation threshold', () => {
  it('refuses paid work above the threshold with its maximum unless confirmed for at least that maximum, queueing nothing', async () => {
    harness = await startEngineHarness({ settings: { confirmAboveCents: 10 } });
    const paths = dropped(harness);
    const { maxCents } = await harness.api.estimate.batch({ profileId: harness.profile.id, fileCount: 2 });
    // Two fal sizes per image, each at 4K's price (the most the ledger records, for an answer naming no tier), plus a
    // request fee each: 2 x (2 x 30 + 5).
    expect(maxCents).toBe(130);

    const unconfirmed = await dispatchCall(harness.api, 'jobs.enqueuePaths', { paths, profileId: harness.profile.id });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'confirmation_required' } });
    expect(!unconfirmed.ok && unconfirmed.error.message).toBe(
      'These 2 images may cost up to $1.30 at fal, more than the $0.10 set to ask about (Settings): nothing was queued. Confirm that maximum to send them, or review first.',
    );
    const tooLittle = await dispatchCall(harness.api, 'jobs.enqueuePaths', { paths, profileId: harness.profile.id, confirmedMaxCents: 129 });
    expect(tooLittle).toMatchObject({ ok: false, error: { code: 'confirmation_required' } });
    expect(await harness.jobs()).toEqual([]);

    const confirmed = await harness.api.jobs.enqueuePaths({ paths, profileId: harness.profile.id, confirmedMaxCents: 130 });
    expect(confirmed.jobIds).toHaveLength(2);
    await harness.waitForJobs(2, ['done']);
    expect(harness.fake.countSubmits()).toBe(2);
  });

  it('leaves out of the maximum the copies of images already made with the profile, which dedupe skips', async () => {
    harness = await startEngineHarness({ settings: { confirmAboveCents: 10 } });
    const paths = dropped(harness);
    await harness.api.jobs.enqueuePaths({ paths, profileId: harness.profile.id, confirmedMaxCents: 130 });
    await harness.waitForJobs(2, ['done']);
    // A folder of the two images again (renamed copies) and one new one.
    const again = join(harness.root, 'again');
    mkdirSync(again);
    copyFileSync(paths[0]!, join(again, 'copy-1.jpg'));
    copyFileSync(paths[1]!, join(again, 'copy-2.jpg'));
    copyFileSync(join(CORPUS, '2569067123_aca715a2ee_o.jpg'), join(again, 'new.jpg'));

    const unconfirmed = await dispatchCall(harness.api, 'jobs.enqueuePaths', { paths: [again], profileId: harness.profile.id });
    expect(!unconfirmed.ok && unconfirmed.error.message).toBe(
      'This image (2 already made with this profile, left out) may cost up to $0.65 at fal, more than the $0.10 set to ask about (Settings): nothing was queued. Confirm that maximum to send them, or review first.',
    );
    // The maximum of the one new image is enough: the copies make skipped records, nothing is paid for them.
    const confirmed = await harness.api.jobs.enqueuePaths({ paths: [again], profileId: harness.profile.id, confirmedMaxCents: 65 });
    expect(confirmed.jobIds).toHaveLength(1);
    expect(confirmed.skipped.map((entry) => entry.path.split('/').pop()).sort()).toEqual(['copy-1.jpg', 'copy-2.jpg']);
    await harness.waitForJobs(3, ['done']);
    expect(harness.fake.countSubmits()).toBe(3);
  });

  it('quotes a drop (estimate.paths) as the verb holds it: new images only, the already-made copies counted apart, and that maximum is enough', async () => {
    harness = await startEngineHarness({ settings: { confirmAboveCents: 10 } });
    const paths = dropped(harness);
    const first = await harness.api.estimate.paths({ paths, profileId: harness.profile.id });
    expect(first).toEqual({ images: 2, alreadyMade: 0, minCents: 70, maxCents: 130, confirmAboveCents: 10, confirmationRequired: true, localOnly: null });
    await harness.api.jobs.enqueuePaths({ paths, profileId: harness.profile.id, confirmedMaxCents: first.maxCents });
    await harness.waitForJobs(2, ['done']);
    const again = join(harness.root, 'again');
    mkdirSync(again);
    copyFileSync(paths[0]!, join(again, 'copy-1.jpg'));
    copyFileSync(join(CORPUS, '2569067123_aca715a2ee_o.jpg'), join(again, 'new.jpg'));

    const quote = await harness.api.estimate.paths({ paths: [again], profileId: harness.profile.id });
    expect(quote).toMatchObject({ images: 1, alreadyMade: 1, maxCents: 65, confirmationRequired: true });
    // The quote's maximum is what the verb asks for: a cent less is refused, the quote itself accepted.
    const short = await dispatchCall(harness.api, 'jobs.enqueuePaths', { paths: [again], profileId: harness.profile.id, confirmedMaxCents: quote.maxCents - 1 });
    expect(short).toMatchObject({ ok: false, error: { code: 'confirmation_required' } });
    const sent = await harness.api.jobs.enqueuePaths({ paths: [again], profileId: harness.profile.id, confirmedMaxCents: quote.maxCents });
    expect(sent.jobIds).toHaveLength(1);
    // Below the threshold, the quote says the drop does not ask.
    harness.engine.updateSettings({ confirmAboveCents: 100 });
    expect(await harness.api.estimate.paths({ paths: [join(CORPUS, 'Landscape_1.jpg')], profileId: harness.profile.id })).toMatchObject({ images: 0, alreadyMade: 1, maxCents: 0, confirmationRequired: false });
  });

  it('quotes files by their contents (estimate.contents) as it quotes their paths, for a page whose files are not uploaded yet', async () => {
    harness = await startEngineHarness({ settings: { confirmAboveCents: 10 } });
    const paths = dropped(harness);
    await harness.api.jobs.enqueuePaths({ paths: [paths[0]!], profileId: harness.profile.id, confirmedMaxCents: 65 });
    await harness.waitForJobs(1, ['done']);
    const again = join(harness.root, 'again');
    mkdirSync(again);
    copyFileSync(paths[0]!, join(again, 'copy.jpg'));
    copyFileSync(paths[1]!, join(again, 'new.jpg'));
    copyFileSync(paths[1]!, join(again, 'new-twice.jpg'));
    const byPath = await harness.api.estimate.paths({ paths: [again], profileId: harness.profile.id });
    expect(byPath).toMatchObject({ images: 1, alreadyMade: 2, maxCents: 65 });
    const hashes = ['copy.jpg', 'new.jpg', 'new-twice.jpg'].map((name) => fileSha256(join(again, name)));
    expect(await harness.api.estimate.contents({ contents: hashes, profileId: harness.profile.id })).toEqual(byPath);
    // A file the page could not read counts as new, as an unreadable path does: the maximum errs high.
    expect(await harness.api.estimate.contents({ contents: [...hashes, null], profileId: harness.profile.id })).toMatchObject({ images: 2, alreadyMade: 2, maxCents: 130 });
  });

  it('refuses a folder that grew since its quote was confirmed, and quotes it again with the new maximum', async () => {
    harness = await startEngineHarness({ settings: { confirmAboveCents: 10 } });
    const folder = join(harness.root, 'growing');
    mkdirSync(folder);
    copyFileSync(join(CORPUS, 'Landscape_1.jpg'), join(folder, 'a.jpg'));
    const quoted = await harness.api.estimate.paths({ paths: [folder], profileId: harness.profile.id });
    expect(quoted).toMatchObject({ images: 1, maxCents: 65 });
    copyFileSync(join(CORPUS, 'Landscape_6.jpg'), join(folder, 'b.jpg'));

    const refused = await dispatchCall(harness.api, 'jobs.enqueuePaths', { paths: [folder], profileId: harness.profile.id, confirmedMaxCents: quoted.maxCents });
    expect(refused).toMatchObject({ ok: false, error: { code: 'confirmation_required' } });
    expect(await harness.jobs()).toEqual([]);
    const requoted = await harness.api.estimate.paths({ paths: [folder], profileId: harness.profile.id });
    expect(requoted).toMatchObject({ images: 2, maxCents: 130, confirmationRequired: true });
    const sent = await harness.api.jobs.enqueuePaths({ paths: [folder], profileId: harness.profile.id, confirmedMaxCents: requoted.maxCents });
    expect(sent.jobIds).toHaveLength(2);
    await harness.waitForJobs(2, ['done']);
    expect(harness.fake.countSubmits()).toBe(2);
  });

  it('confirms a maximum the charge never passes: a fal answer naming no tier, recorded at 4K, is within it', async () => {
    harness = await startEngineHarness({ settings: { confirmAboveCents: 10 } });
    const [path] = dropped(harness);
    const quote = await harness.api.estimate.paths({ paths: [path!], profileId: harness.profile.id });
    // Two fal sizes: 2 x 15 + 5 at the tiers fal may pick, up to each image at 4K's price (2 x 30 + 5).
    expect(quote).toMatchObject({ images: 1, minCents: 35, maxCents: 65, confirmationRequired: true });
    harness.fake.failNextJob({ kind: 'noTier' });
    await harness.api.jobs.enqueuePaths({ paths: [path!], profileId: harness.profile.id, confirmedMaxCents: quote.maxCents });
    const [job] = await harness.waitForJobs(1, ['done']);
    const charges = (await harness.api.spend.ledger({ limit: 10 })).rows.filter((row) => row.kind === 'charge' && row.jobId === job!.id);
    expect(charges.map((row) => [row.tiers, row.cents])).toEqual([['2x4K?', 65]]);
    expect(charges.reduce((sum, row) => sum + row.cents, 0)).toBeLessThanOrEqual(quote.maxCents);
  });

  it('queues without asking what sends nothing before approval, or when no threshold is set', async () => {
    harness = await startEngineHarness({ settings: { confirmAboveCents: 10 } });
    const [first, second] = dropped(harness);
    const review = await harness.api.jobs.enqueuePaths({ paths: [first!], profileId: harness.profile.id, reviewFirst: true });
    expect(review.jobIds).toHaveLength(1);
    harness.engine.updateSettings({ confirmAboveCents: null });
    const unlimited = await harness.api.jobs.enqueuePaths({ paths: [second!], profileId: harness.profile.id });
    expect(unlimited.jobIds).toHaveLength(1);
  });
});
