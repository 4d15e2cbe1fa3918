import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { CORPUS, REVIEW_FIRST_PROFILE } from '../../support/engine/reviewFirstProfile';

// "Approve the whole batch" covers the batch's jobs still making their previews too: they go straight on to fal when
// their previews are done. A later decline withdraws it for that job (its previews stay the outputs); a cancel ends
// the job as any cancel, nothing sent.

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});


/** Drops one image (a copy of a corpus photo under its own name, so each is its own job) in review first. */
async function dropReviewFirst(h: EngineHarness, name: string, photo: string): Promise<string> {
  const drops = join(h.root, 'drops');
  mkdirSync(drops, { recursive: true });
  copyFileSync(join(CORPUS, photo), join(drops, name));
  const { jobIds } = await h.api.jobs.enqueuePaths({ paths: [join(drops, name)], profileId: h.profile.id, reviewFirst: true });
  expect(jobIds).toHaveLength(1);
  return jobIds[0]!;
}

const sizesSent = (h: EngineHarness, job: { contentHash: string } & Parameters<EngineHarness['submitsOf']>[0]) =>
  h.submitsOf(job).map((submit) => (submit.body as { target_sizes: string[] }).target_sizes);

/**
 * A review-first batch half made: `ready` waits for approval, then the queue is paused so that `later` (and whatever
 * the test drops next) is still to be previewed when the person approves the batch.
 */
async function oneAwaitingOnePreviewing() {
  harness = await startEngineHarness({ profile: REVIEW_FIRST_PROFILE });
  const h = harness;
  const ready = await dropReviewFirst(h, 'ready.jpg', 'Landscape_1.jpg');
  await h.waitForJob('ready.jpg', ['awaiting_approval']);
  await h.api.queue.pause();
  const later = await dropReviewFirst(h, 'later.jpg', 'Landscape_6.jpg');
  return { h, ready, later };
}

describe('approving a review-first batch while some of it is still previewing', () => {
  it('approves the waiting jobs now and the previewing ones ahead, which go straight on; a later decline or cancel withdraws it for that job', async () => {
    const { h, ready, later } = await oneAwaitingOnePreviewing();
    const withdrawn = await dropReviewFirst(h, 'withdrawn.jpg', '2569067123_aca715a2ee_o.jpg');
    const cancelled = await dropReviewFirst(h, 'cancelled.jpg', 'Channel_digital_image_CMYK_color_no_profile.jpg');

    const batch = await h.api.approvals.approve({ jobIds: [ready, later, withdrawn, cancelled] });
    expect(batch.decided).toEqual([{ jobId: ready, state: 'queued', sizes: ['1080x1080', '1200x628'] }]);
    expect(batch.ahead).toEqual([later, withdrawn, cancelled]);
    expect(batch.refused).toEqual([]);

    // Decided again before its previews: the last decision counts. Cancelled: nothing is made or sent.
    expect((await h.api.approvals.decline({ jobIds: [withdrawn] })).ahead).toEqual([withdrawn]);
    await h.api.jobs.cancel({ id: cancelled });
    await h.api.queue.resume();

    const readyJob = await h.waitForJob('ready.jpg', ['done', 'failed']);
    const laterJob = await h.waitForJob('later.jpg', ['done', 'failed', 'awaiting_approval']);
    const withdrawnJob = await h.waitForJob('withdrawn.jpg', ['done', 'failed', 'awaiting_approval']);
    expect(readyJob.state).toBe('done');
    // Straight on after its previews: no second approval asked, exactly its quoted sizes sent, charged as quoted.
    expect(laterJob.state, laterJob.errorMessage ?? '').toBe('done');
    expect(sizesSent(h, laterJob)).toEqual([['1080x1080', '1200x628']]);
    const laterQuote = await h.api.approvals.list({ id: later });
    expect(laterQuote.sizes.map((size) => `${size.size}:${size.decision}:${size.made}`)).toEqual(['1080x1080:approved:true', '1200x628:approved:true']);
    expect((await h.api.jobs.detail({ id: later })).costCents).toBe(laterQuote.sizes[0]!.minCents + laterQuote.sizes[1]!.minCents + laterQuote.feeCents);
    // Declined ahead: its previews are its outputs, nothing went to fal.
    expect(withdrawnJob.state, withdrawnJob.errorMessage ?? '').toBe('done');
    expect(sizesSent(h, withdrawnJob)).toEqual([]);
    expect((await h.api.jobs.detail({ id: withdrawn })).outputs.every((output) => output.provider === 'local')).toBe(true);
    expect((await h.store.jobs.getJob(cancelled))?.state).toBe('cancelled');
    expect(h.fake.countSubmits()).toBe(2);
  });

  it("lists what approving the whole batch covers (awaiting and still previewing), and the jobs approved so finish their previews later and go on to fal", async () => {
    const { h, ready, later } = await oneAwaitingOnePreviewing();
    const last = await dropReviewFirst(h, 'last.jpg', '2569067123_aca715a2ee_o.jpg');
    // An ordinary job is no part of a review.
    copyFileSync(join(CORPUS, 'Channel_digital_image_CMYK_color_no_profile.jpg'), join(h.root, 'drops', 'plain.jpg'));
    await h.api.jobs.enqueuePaths({ paths: [join(h.root, 'drops', 'plain.jpg')], profileId: h.profile.id });

    const open = await h.api.approvals.open();
    expect(open).toEqual({ awaiting: [ready], previewing: [{ jobId: later, ahead: null }, { jobId: last, ahead: null }] });
    // The Queue page's "Approve the whole batch": every job listed.
    const batch = await h.api.approvals.approve({ jobIds: [...open.awaiting, ...open.previewing.map((job) => job.jobId)] });
    expect(batch.decided.map((entry) => entry.jobId)).toEqual([ready]);
    expect(batch.ahead).toEqual([later, last]);
    expect(await h.api.approvals.open()).toEqual({ awaiting: [], previewing: [{ jobId: later, ahead: 'approved' }, { jobId: last, ahead: 'approved' }] });

    await h.api.queue.resume();
    for (const name of ['ready.jpg', 'later.jpg', 'last.jpg']) {
      const job = await h.waitForJob(name, ['done', 'failed']);
      expect(job.state, job.errorMessage ?? '').toBe('done');
      // No second approval asked: exactly the quoted sizes went to fal, once.
      expect(sizesSent(h, job), name).toEqual([['1080x1080', '1200x628']]);
    }
    expect(await h.api.approvals.open()).toEqual({ awaiting: [], previewing: [] });
  });

  it('refuses a job that is neither awaiting approval nor a review-first job still previewing', async () => {
    harness = await startEngineHarness({ profile: REVIEW_FIRST_PROFILE });
    await harness.api.queue.pause();
    const drops = join(harness.root, 'drops');
    mkdirSync(drops, { recursive: true });
    copyFileSync(join(CORPUS, 'Landscape_1.jpg'), join(drops, 'plain.jpg'));
    const { jobIds } = await harness.api.jobs.enqueuePaths({ paths: [join(drops, 'plain.jpg')], profileId: harness.profile.id });
    const result = await harness.api.approvals.approve({ jobIds });
    expect(result).toEqual({ decided: [], ahead: [], refused: [{ jobId: jobIds[0], reason: 'plain.jpg is not awaiting approval (it is queued).' }] });
  });
});
