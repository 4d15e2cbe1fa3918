import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STALE_UPLOAD_MS } from '../../../electron/engine/api/discardUploads';
import { pollUntil } from '../../support/engine/pollUntil';
import { makeTestJpeg } from '../../support/engine/testImages';
import { startHeadlessFixture, type HeadlessFixture } from '../../security/support/headlessServerFixture';

let fixture: HeadlessFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/** Sets a file's times `ageMs` into the past, as if it had sat there that long. */
function age(path: string, ageMs: number): void {
  const when = new Date(Date.now() - ageMs);
  utimesSync(path, when, when);
}

describe('uploads a page left in the inbox', () => {
  it('go once a day old (at start, and at each later sweep), unless a drop queued them; fresh ones and folders stay', async () => {
    const jpeg = await makeTestJpeg(31, 160, 120);
    const twoDays = 2 * STALE_UPLOAD_MS;
    fixture = await startHeadlessFixture({
      beforeStart: (dataDir) => {
        const inbox = join(dataDir, 'inbox');
        mkdirSync(join(inbox, 'a-folder'), { recursive: true });
        for (const name of ['abandoned.jpg', '.upload-1234.part', 'fresh.jpg']) writeFileSync(join(inbox, name), jpeg);
        age(join(inbox, 'abandoned.jpg'), twoDays);
        age(join(inbox, '.upload-1234.part'), twoDays);
        age(join(inbox, 'a-folder'), twoDays);
      },
    });
    const inbox = join(fixture.dataDir, 'inbox');
    // The start's sweep: the tab closed mid-question a day ago, the browser gone mid-upload.
    await pollUntil(() => (!existsSync(join(inbox, 'abandoned.jpg')) && !existsSync(join(inbox, '.upload-1234.part')) ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the start sweep',
    });
    expect(existsSync(join(inbox, 'fresh.jpg'))).toBe(true);
    expect(existsSync(join(inbox, 'a-folder'))).toBe(true);

    // An upload a drop queued is its job's source, however old; an abandoned one goes at the next sweep.
    const queued = await fixture.request('/api/upload?name=queued.jpg', { method: 'POST', body: jpeg });
    expect(queued.status, queued.text).toBe(200);
    const queuedPath = (queued.json as { path: string }).path;
    const enqueued = await fixture.call('jobs.enqueuePaths', { paths: [queuedPath], profileId: fixture.profile.id });
    expect(enqueued.status, enqueued.text).toBe(200);
    age(queuedPath, twoDays);
    age(join(inbox, 'fresh.jpg'), twoDays);
    const swept = await fixture.server.engine.discardStaleUploads(inbox);
    expect(swept.removed).toBe(1);
    expect(swept.kept.map((entry) => entry.path)).toEqual([queuedPath]);
    expect(existsSync(queuedPath)).toBe(true);
    expect(existsSync(join(inbox, 'fresh.jpg'))).toBe(false);
  });
});
