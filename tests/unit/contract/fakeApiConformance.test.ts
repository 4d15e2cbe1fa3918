import { describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import { ApiEventSchema } from '../../../electron/shared/schemas/events';
import { VERB_NAMES, type ApiEvent, type VerbName } from '../../../electron/shared';
import { createFakeApi } from '../../support/fakeApi/createFakeApi';

// One valid input per verb, run through the same gate a host uses, so the fake's answers are checked by the
// contract's output schemas. A verb missing here fails the first test.
const SAMPLE_INPUTS: Record<VerbName, unknown> = {
  'profiles.list': undefined,
  'profiles.get': { id: 'prof_meta' },
  'profiles.presets': undefined,
  'profiles.create': {
    draft: {
      name: 'Test', sizes: [{ width: 500, height: 500, policy: 'local' }], output: { format: 'png', quality: 90 },
      naming: { template: '{name}.{ext}', collision: 'skip' }, fal: { prompt: '', numImagesPerSize: 1, resolution: '1K', safetyTolerance: '4' },
    },
  },
  'profiles.update': { id: 'prof_spring', draft: {
    name: 'Spring v2', sizes: [{ width: 1080, height: 1080, policy: 'fal' }], output: { format: 'webp', quality: 80 },
    naming: { template: '{name}.{ext}', collision: 'suffix' }, fal: { prompt: 'studio light', numImagesPerSize: 2, resolution: '2K', safetyTolerance: '2', seed: 7 },
  } },
  'profiles.remove': { id: 'prof_youtube_unused' },
  'profiles.share': { id: 'prof_spring' },
  'profiles.stopSharing': { id: 'prof_spring' },
  'settings.store': undefined,
  'settings.setStore': { url: null },
  'settings.setInstance': { name: 'studio-mac' },
  'profiles.createFromPreset': { presetId: 'pinterest' },
  'profiles.import': { json: '{"profile":{"name":"Imported","sizes":[{"width":100,"height":100,"policy":"local"}],"output":{"format":"png","quality":90},"naming":{"template":"{name}.{ext}","collision":"suffix"},"fal":{"prompt":"","numImagesPerSize":1,"resolution":"1K","safetyTolerance":"4"}}}' },
  'profiles.export': { id: 'prof_meta' },
  'folders.list': undefined,
  'folders.add': { path: '/home/demo/New', profileId: 'prof_meta' },
  'folders.update': { id: 'fold_spring', patch: { recursive: true } },
  'folders.remove': { id: 'fold_old' },
  'jobs.enqueuePaths': { paths: ['/tmp/a.jpg', '/tmp/notes.txt'], profileId: 'prof_meta' },
  'jobs.discardUploads': { paths: ['/home/demo/inbox/a.jpg'] },
  'jobs.query': { limit: 5 },
  'jobs.detail': { id: 'job_0000001' },
  'jobs.retry': { id: 'FAILED' },
  'jobs.makeAnyway': { id: 'job_skipped_copy' },
  'jobs.cancel': { id: 'QUEUED' },
  'review.image': { jobId: 'job_0000001', path: '/home/demo/Spring-1080x1350/a.jpg' },
  'review.before': { jobId: 'job_0000001', path: '/home/demo/Spring-1080x1350/a.jpg' },
  'review.nudge': { jobId: 'job_0000001', path: '/home/demo/Spring-1080x1350/a.jpg', window: { left: 10, top: 0, width: 100, height: 125 } },
  'review.switchMethod': { jobId: 'job_0000001', path: '/home/demo/Spring-1080x1350/a.jpg', method: 'pad', fill: 'solid' },
  'review.versions': { jobId: 'job_0000001' },
  'review.variants': { jobId: 'job_0000001' },
  'review.variantImage': { jobId: 'job_0000001', target: '1080x1350', variant: 1 },
  'review.pickVariant': { jobId: 'job_0000001', target: '1080x1350', variant: 1 },
  'review.restore': { jobId: 'job_0000001', path: '/home/demo/Spring-1080x1350/a.jpg', version: 1 },
  'review.falRerunOffer': { jobId: 'job_0000001', path: '/home/demo/Spring-1080x1350/a.jpg' },
  'review.rerunFal': { jobId: 'job_0000001', path: '/home/demo/Spring-1080x1350/a.jpg' },
  'marks.get': { jobId: 'job_0000001' },
  'approvals.list': { id: 'job_0000001' },
  'approvals.open': undefined,
  'approvals.approve': { jobIds: ['job_0000001'] },
  'approvals.decline': { jobIds: ['job_0000001'], sizes: ['1080x1080'] },
  'marks.rerunFal': { jobId: 'job_0000001' },
  'marks.set': { jobId: 'job_0000001', marks: { focus: { x: 0.4, y: 0.3 }, keep: [{ left: 0.1, top: 0.1, width: 0.3, height: 0.2 }] } },
  'queue.state': undefined,
  'queue.pause': undefined,
  'queue.resume': undefined,
  'estimate.batch': { profileId: 'prof_meta', fileCount: 3 },
  'estimate.paths': { paths: ['/home/demo/Spring/a.jpg', '/tmp/notes.txt'], profileId: 'prof_meta' },
  'estimate.contents': { contents: ['a'.repeat(64), 'a'.repeat(64), null], profileId: 'prof_meta' },
  'settings.get': undefined,
  'settings.update': { concurrency: 4 },
  'falKey.status': undefined,
  'falKey.set': { key: 'abcd-1234:secret' },
  'falKey.clear': undefined,
  'falKey.test': undefined,
  'shell.openPath': { path: '/tmp' },
  'shell.revealPath': { path: '/tmp/a.jpg' },
  'dialog.pickFolder': undefined,
  'media.thumbnail': { path: '/home/demo/Spring-1080x1350/a.jpg' },
  'spend.summary': { since: 0 },
  'spend.ledger': { limit: 10 },
  'spend.exportCsv': undefined,
  'spend.held': undefined,
  'spend.releaseBurst': { folderId: 'fold_spring' },
  'spend.discardBurst': { folderId: null },
  'budget.get': undefined,
  'budget.update': { dailyCapCents: 500, folderCaps: [{ folderId: 'fold_spring', capCents: 2000 }] },
};

describe('the fake API', () => {
  it('answers every verb of the contract with output the contract accepts', async () => {
    const fake = createFakeApi();
    fake.state.profiles.push({ ...fake.state.profiles[3]!, id: 'prof_youtube_unused', builtIn: false });
    const failed = fake.state.jobs.find((job) => job.state === 'failed')!;
    const queued = fake.state.jobs.find((job) => job.state === 'queued')!;
    const done = fake.state.jobs.find((job) => job.state === 'done' && job.outputs.length > 0)!;
    fake.state.jobs.push({ ...done, id: 'job_skipped_copy', state: 'skipped', outputs: [], costCents: null, duplicateOf: { id: done.id, sourceName: done.sourceName, state: 'done', finishedAt: done.finishedAt } });
    for (const verb of VERB_NAMES) {
      let input = SAMPLE_INPUTS[verb];
      if (verb === 'jobs.retry') input = { id: failed.id };
      if (verb === 'jobs.cancel') input = { id: queued.id };
      if (verb === 'review.image' || verb === 'review.before') input = { jobId: done.id, path: done.outputs[0]!.path };
      if (verb === 'review.nudge' || verb === 'review.switchMethod' || verb === 'review.restore' || verb === 'review.falRerunOffer' || verb === 'review.rerunFal') input = { ...(input as object), jobId: done.id, path: done.outputs[0]!.path };
      expect(verb in SAMPLE_INPUTS, `${verb} has a sample input`).toBe(true);
      const result = await dispatchCall(fake.handlers, verb, input);
      expect(result, verb).toMatchObject({ ok: true });
    }
    expect(fake.shellCalls).toEqual(['open:/tmp', 'reveal:/tmp/a.jpg']);
  });

  it('pages newest first by keyset, every job exactly once, across filters', async () => {
    const fake = createFakeApi({ bulkJobs: 1000 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await fake.handlers.jobs.query({ limit: 97, cursor, states: ['done'] });
      seen.push(...page.items.map((job) => job.id));
      for (const job of page.items) expect(job.state).toBe('done');
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = fake.state.jobs.filter((job) => job.state === 'done').map((job) => job.id);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(900);
  });

  it('pushes job and queue events as the queue advances, and holds still while paused', async () => {
    const fake = createFakeApi();
    const events: ApiEvent[] = [];
    fake.events.subscribe((event) => events.push(event));
    await fake.handlers.queue.pause();
    events.length = 0;
    fake.tick();
    expect(events).toEqual([]);
    await fake.handlers.queue.resume();
    for (let step = 0; step < 30; step += 1) fake.tick();
    expect(events.some((event) => event.type === 'job.changed' && event.job.state === 'done')).toBe(true);
    // The fake's events are what the contract says events are, so the UI tests against it see real shapes.
    for (const event of events) expect(ApiEventSchema.safeParse(event).error, event.type).toBeUndefined();
    const queue = await fake.handlers.queue.state();
    expect(queue.counts.queued + queue.counts.uploading + queue.counts.downloading).toBe(0);
    // As the engine does: the ended batch stays, with its end time, until new work starts the next one.
    expect(queue.batch?.endedAt).not.toBeNull();
  });
});
