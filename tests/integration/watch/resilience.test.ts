import { execFileSync, spawn } from 'node:child_process';
import { chmod, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { watch, type FSWatcher } from 'chokidar';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { WatchEvent } from '../../../electron/engine/watch';
import { prepareUnprivilegedChild } from '../../support/unprivileged/unprivilegedChild';
import { folderConfig, WatchHarness } from './watchHarness';

const bytesFor = (label: string) => Buffer.from(`image bytes of ${label} `.repeat(20));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('hot folder resilience', () => {
  let harness: WatchHarness;
  afterEach(() => harness?.close());

  it('puts a folder that disappears in standby and resumes by itself, picking up what arrived meanwhile', async () => {
    harness = await WatchHarness.create();
    const inbox = await harness.folder('inbox');
    await harness.manager.setFolders([folderConfig('f1', inbox)]);
    await harness.manager.start();
    await writeFile(join(inbox, 'before.jpg'), bytesFor('before'));
    await harness.waitFor('job_created');

    const away = join(harness.base, 'unplugged');
    await rename(inbox, away);
    const standby = await harness.waitFor('folder_status', (event) => event.status.state === 'standby');
    expect(standby.status.reason).toMatch(/not there/);
    expect(harness.manager.statuses()[0]).toMatchObject({ state: 'standby', pendingFiles: 0 });

    await writeFile(join(away, 'while-away.png'), bytesFor('while away'));
    await rename(away, inbox);
    await harness.waitFor('folder_status', (event) => event.status.state === 'watching' && harness.events.indexOf(event) > harness.events.indexOf(standby));
    await writeFile(join(inbox, 'after.png'), bytesFor('after'));
    await harness.waitForCount('job_created', 3);

    const origins = Object.fromEntries((await harness.jobs()).map((job) => [job.sourceName, job.origin]));
    expect(origins).toEqual({ 'before.jpg': 'folder', 'while-away.png': 'reconcile', 'after.png': 'folder' });
  });

  it('watches by polling for network shares, growing files included', async () => {
    harness = await WatchHarness.create({ pollingIntervalMs: 100 });
    const share = await harness.folder('share');
    await harness.manager.setFolders([folderConfig('net', share, { polling: true })]);
    await harness.manager.start();
    const path = join(share, 'from-share.webp');
    await writeFile(path, 'part 1;');
    for (let i = 0; i < 6; i += 1) {
      await pause(120);
      await writeFile(path, `part ${i};`.repeat(30), { flag: 'a' });
    }
    const { job } = await harness.waitFor('job_created');
    expect(job).toMatchObject({ sourceName: 'from-share.webp', origin: 'folder', sourceSize: (await stat(path)).size });
  });

  it('shows a watcher error (out of inotify watches) on the folder, keeps taking files, and recovers on reconcile', async () => {
    const watchers: FSWatcher[] = [];
    harness = await WatchHarness.create({
      watchFactory: (paths, options) => {
        const watcher = watch(paths, options);
        watchers.push(watcher);
        return watcher;
      },
    });
    const inbox = await harness.folder('inbox');
    await harness.manager.setFolders([folderConfig('f1', inbox)]);
    await harness.manager.start();
    watchers[0]!.emit('error', Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' }));
    const failed = await harness.waitFor('folder_status', (event) => event.status.state === 'error');
    expect(failed.status.reason).toMatch(/limit of watched folders/);

    await writeFile(join(inbox, 'still-works.jpg'), bytesFor('still works'));
    await harness.waitFor('job_created');
    await harness.manager.reconcileAll();
    expect(harness.manager.statuses()[0]).toMatchObject({ state: 'watching' });
    expect(watchers).toHaveLength(2);
    expect(watchers[0]!.closed).toBe(true);
  });

  it('skips a FIFO named like an image without hanging, and takes the next file', async () => {
    harness = await WatchHarness.create();
    const inbox = await harness.folder('inbox');
    execFileSync('mkfifo', [join(inbox, 'pipe.jpg')]);
    await harness.manager.setFolders([folderConfig('f1', inbox)]);
    await harness.manager.start();
    execFileSync('mkfifo', [join(inbox, 'pipe2.png')]);
    await writeFile(join(inbox, 'real.png'), bytesFor('real'));
    await harness.waitFor('job_created');
    expect((await harness.jobs()).map((job) => job.sourceName)).toEqual(['real.png']);
    expect(harness.events.filter((event) => event.kind === 'file_error')).toEqual([]);
  });

  it('reports a folder whose profile is gone, a path that is a file, and a disabled folder, without jobs', async () => {
    harness = await WatchHarness.create();
    const orphan = await harness.folder('orphan');
    const disabled = await harness.folder('disabled');
    const notAFolder = join(harness.base, 'file.jpg');
    await writeFile(notAFolder, 'x');
    await writeFile(join(orphan, 'a.jpg'), bytesFor('orphan'));
    await writeFile(join(disabled, 'b.jpg'), bytesFor('disabled'));
    await harness.manager.setFolders([
      folderConfig('orphan', orphan, { profileId: 'deleted' }),
      folderConfig('file', notAFolder),
      folderConfig('off', disabled, { enabled: false }),
    ]);
    await harness.manager.start();
    const states = Object.fromEntries(harness.manager.statuses().map((status) => [status.folderId, [status.state, status.reason]]));
    expect(states.orphan![0]).toBe('error');
    expect(states.orphan![1]).toMatch(/profile \(deleted\) no longer exists/);
    expect(states.file).toEqual(['error', `${notAFolder} is not a folder.`]);
    expect(states.off).toEqual(['disabled', undefined]);

    // The profile comes back: the next reconcile resumes the folder and its file becomes a job.
    harness.profiles.set('deleted', { id: 'deleted', version: 2, provider: 'fal' });
    await harness.manager.reconcileAll();
    const { job } = await harness.waitFor('job_created');
    expect(job).toMatchObject({ folderId: 'orphan', sourceName: 'a.jpg', profileVersion: 2 });
    expect(await harness.jobs()).toHaveLength(1);
  });

  it('starts folders added while running and stops removed ones', async () => {
    harness = await WatchHarness.create();
    const first = await harness.folder('first');
    const second = await harness.folder('second');
    await harness.manager.setFolders([folderConfig('a', first)]);
    await harness.manager.start();
    await harness.manager.setFolders([folderConfig('a', first), folderConfig('b', second)]);
    await writeFile(join(second, 'x.png'), bytesFor('x'));
    expect((await harness.waitFor('job_created')).folderId).toBe('b');

    await harness.manager.setFolders([folderConfig('b', second)]);
    expect(harness.manager.statuses().map((status) => status.folderId)).toEqual(['b']);
    await writeFile(join(first, 'ignored-now.png'), bytesFor('ignored'));
    await writeFile(join(second, 'y.png'), bytesFor('y'));
    await harness.waitForCount('job_created', 2);
    expect((await harness.jobs()).map((job) => job.sourceName).sort()).toEqual(['x.png', 'y.png']);
  });

  it('reports an unreadable file as a file error and goes on (run as an unprivileged user, since root reads anything)', async (context) => {
    // The checkout may be where that user cannot read it (a private folder): then the child runs from a copy.
    const prepared = await prepareUnprivilegedChild();
    if ('skip' in prepared) {
      console.warn(`Skipped: ${prepared.skip}`);
      return context.skip(prepared.skip);
    }
    onTestFinished(() => prepared.dispose());
    harness = await WatchHarness.create();
    const inbox = await harness.folder('inbox');
    const dataDir = await harness.folder('child-data');
    await Promise.all([harness.base, inbox, dataDir].map((dir) => chmod(dir, 0o777)));
    const locked = join(inbox, 'locked.jpg');
    await writeFile(locked, bytesFor('locked'));
    await chmod(locked, 0o000);
    await writeFile(join(inbox, 'open.jpg'), bytesFor('open'));
    await chmod(join(inbox, 'open.jpg'), 0o644);

    const command = prepared.command(join(import.meta.dirname, 'unreadableFileChild.ts'), [inbox, dataDir]);
    const child = spawn(command[0]!, command.slice(1), { cwd: prepared.cwd, stdio: ['pipe', 'pipe', 'inherit'] });
    const events: (WatchEvent & { statuses: unknown })[] = [];
    const lines = createInterface({ input: child.stdout });
    const seenBoth = new Promise<void>((resolve) => {
      lines.on('line', (line) => {
        events.push(JSON.parse(line));
        const kinds = new Set(events.map((event) => event.kind));
        if (kinds.has('job_created') && kinds.has('file_error')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await Promise.race([seenBoth, exited]);
    child.stdin.end();
    expect(await exited).toBe(0);

    const fileError = events.find((event) => event.kind === 'file_error');
    expect(fileError).toMatchObject({ path: locked, code: 'EACCES', statuses: [{ folderId: 'f1', state: 'watching' }] });
    expect(events.filter((event) => event.kind === 'job_created').map((event) => 'path' in event && event.path)).toEqual([join(inbox, 'open.jpg')]);
    expect(events.at(-1)).toEqual({ kind: 'stopped' });
  });
});
