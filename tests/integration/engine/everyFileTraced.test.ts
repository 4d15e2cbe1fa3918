import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../electron/shared';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';

// Issue 10 item 17: every file a watched folder cannot take leaves a trace (a notice and a History / `jobs` entry).
// Before the fix a JPEG 2000 file (and the corpus's README.md) got no job and no message: the folder filter dropped
// anything without an image extension before intake saw it. JPEG 2000 is made here with opj_compress
// (libopenjp2-tools, which .ci/run installs).

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('a watched folder receiving every corpus file and a JPEG 2000 file', () => {
  it('accounts for every file: made, failed with its reason, or refused with a notice', async () => {
    harness = await startEngineHarness({
      profile: { name: 'Small local', sizes: [{ width: 160, height: 160, policy: 'local' }], output: { format: 'jpeg', quality: 80 } },
    });
    const h = harness;
    const notices: Notice[] = [];
    h.engine.events.on('notice', (notice: Notice) => notices.push(notice));

    // opj_compress reads PPM: a 64x48 blue picture in a header and raw RGB.
    const ppm = join(h.root, 'source.ppm');
    writeFileSync(ppm, Buffer.concat([Buffer.from('P6\n64 48\n255\n'), Buffer.alloc(64 * 48 * 3, Buffer.from([0x33, 0x66, 0xcc]))]));
    execFileSync('opj_compress', ['-i', ppm, '-o', join(h.watched, 'scan.jp2')], { stdio: 'ignore' });
    const corpusFiles = readdirSync(CORPUS);
    for (const name of corpusFiles) copyFileSync(join(CORPUS, name), join(h.watched, name));
    const arrived = [...corpusFiles, 'scan.jp2'];

    const jobs = await h.waitForJobs(arrived.length, ['done', 'failed', 'skipped'], 60_000);
    const byName = new Map(jobs.map((job) => [job.sourceName, job]));
    expect([...byName.keys()].sort()).toEqual([...arrived].sort());
    expect(byName.get('scan.jp2')).toMatchObject({ state: 'failed', errorCode: 'unsupported_format', errorMessage: expect.stringMatching(/JP2 files are not images the app can resize/) });
    expect(byName.get('README.md')).toMatchObject({ state: 'failed', errorCode: 'unsupported_format' });
    expect(byName.get('truncated.jpg')?.state).toBe('failed');
    expect(byName.get('Landscape_1.jpg')?.state).toBe('done');
    for (const name of ['scan.jp2', 'README.md']) {
      expect(notices.filter((notice) => notice.path === join(h.watched, name)), name).toEqual([
        expect.objectContaining({ kind: 'file', level: 'warning', folderId: h.folderId, message: expect.stringContaining(name) }),
      ]);
    }
    // Refused files are no work: nothing waits, and a rescan does not refuse them twice.
    await h.engine.rescanFolders();
    expect(await h.jobs()).toHaveLength(arrived.length);
  }, 120_000);
});
