import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderConfig, WatchHarness } from './watchHarness';

const bytesFor = (label: string) => Buffer.from(`image bytes of ${label} `.repeat(20));

/** Names that are never work, whether present at start or written later. */
const IGNORED_NAMES = ['a.jpg.part', 'b.png.crdownload', 'c.tmp', '~$d.png', '.DS_Store', 'Thumbs.db', '.hidden.jpg', '.e.png.4f2a.tmp', 'photo.jpg.xmp'];

async function writeAll(folder: string, names: readonly string[]): Promise<void> {
  await Promise.all(names.map((name) => writeFile(join(folder, name), bytesFor(`${folder}/${name}`))));
}

describe('what a hot folder ignores', () => {
  let harness: WatchHarness;
  afterEach(() => harness?.close());

  it('ignores temp, partial, system, dot and sidecar files and the folders outputs go to; refuses other files with a trace', async () => {
    harness = await WatchHarness.create();
    const inbox = await harness.folder('inbox');
    const outputs = await harness.folder('inbox', 'inbox-1080x1080');
    const nestedOutputs = await harness.folder('inbox', 'sub', 'inbox-200x300');
    const dotFolder = await harness.folder('inbox', '.cache');
    await writeAll(inbox, [...IGNORED_NAMES, 'before.jpg', 'notes.txt']);
    await writeAll(outputs, ['out-before.png']);
    await harness.manager.setFolders([folderConfig('f1', inbox)]);
    await harness.manager.start();
    await harness.waitFor('job_created', (event) => basename(event.path) === 'before.jpg');

    const later = await harness.folder('inbox', 'later');
    await writeAll(later, [...IGNORED_NAMES, 'notes.txt']);
    await writeAll(outputs, ['out-after.png']);
    await writeAll(nestedOutputs, ['nested-out.png']);
    await writeAll(dotFolder, ['cached.png']);
    await writeAll(later, ['after.png']);
    await harness.waitFor('job_created', (event) => basename(event.path) === 'after.png');

    await harness.manager.reconcileAll();
    const scan = await harness.waitForCount('scan_finished', 2);
    expect(scan[1]).toMatchObject({ folderId: 'f1', files: 4, queued: 0 });
    expect((await harness.jobs()).map((job) => `${job.sourceName}:${job.state}`).sort()).toEqual(['after.png:queued', 'before.jpg:queued', 'notes.txt:failed', 'notes.txt:failed']);
    const refused = await harness.waitForCount('file_refused', 2);
    expect(refused.map((event) => event.message)).toEqual([expect.stringMatching(/^notes\.txt: TXT files are not images/), expect.stringMatching(/^notes\.txt: TXT files are not images/)]);
    expect((await harness.jobs()).filter((job) => job.state === 'failed').every((job) => job.errorCode === 'unsupported_format')).toBe(true);
    expect(harness.manager.statuses()[0]).toMatchObject({ state: 'watching', pendingFiles: 0 });
  });

  it("gives a file to its innermost watched folder and skips the folders another folder's template writes into", async () => {
    harness = await WatchHarness.create();
    harness.profiles.set('custom', { id: 'custom', version: 3, provider: 'fal', name: 'Custom', sizes: [{ width: 640, height: 480 }], template: 'renders/{profile}-{w}x{h}/{dir}/{name}.{ext}' });
    const parent = await harness.folder('parent');
    const child = await harness.folder('parent', 'child');
    // Where the child's profile puts its outputs: beside the child, so inside the parent's tree.
    const childOutputs = await harness.folder('parent', 'renders', 'Custom-640x480');
    const renders = join(parent, 'renders');
    const other = await harness.folder('parent', 'other');
    await harness.manager.setFolders([folderConfig('outer', parent), folderConfig('inner', child, { profileId: 'custom' })]);
    await harness.manager.start();

    await writeAll(childOutputs, ['rendered.png']);
    await writeAll(child, ['inner.jpg']);
    await writeAll(parent, ['top.jpg']);
    await writeAll(renders, ['not-an-output.png']);
    await writeAll(other, ['deep.webp']);
    await harness.waitForCount('job_created', 4);
    await harness.manager.reconcileAll();
    await harness.waitForCount('scan_finished', 4);

    const owners = Object.fromEntries((await harness.jobs()).map((job) => [job.sourceName, `${job.folderId}/${job.profileId}@${job.profileVersion}`]));
    expect(owners).toEqual({
      'inner.jpg': 'inner/custom@3',
      'top.jpg': 'outer/meta@1',
      'not-an-output.png': 'outer/meta@1',
      'deep.webp': 'outer/meta@1',
    });
  });

  it('watches only the top level when recursion is off, and sub-folders (old and new) when it is on', async () => {
    harness = await WatchHarness.create();
    const flat = await harness.folder('flat');
    const deep = await harness.folder('deep');
    for (const root of [flat, deep]) {
      await mkdir(join(root, 'sub', 'subsub'), { recursive: true });
      await writeAll(join(root, 'sub', 'subsub'), ['old-deep.png']);
      await writeAll(root, ['old-top.png']);
    }
    await harness.manager.setFolders([folderConfig('flat', flat, { recursive: false }), folderConfig('deep', deep)]);
    await harness.manager.start();
    await harness.waitForCount('job_created', 3);

    for (const root of [flat, deep]) {
      await harness.folder(basename(root), 'new-sub');
      await writeAll(join(root, 'new-sub'), ['new-deep.jpg']);
      await writeAll(join(root, 'sub'), ['new-sub-file.jpg']);
      await writeAll(root, ['new-top.jpg']);
    }
    await harness.waitForCount('job_created', 7);
    await harness.manager.reconcileAll();
    const scans = await harness.waitForCount('scan_finished', 4);
    expect(scans.filter((scan) => scan.folderId === 'flat').at(-1)).toMatchObject({ files: 2, queued: 0 });

    const names = async (folderId: string) => (await harness.jobs()).filter((job) => job.folderId === folderId).map((job) => job.sourceName).sort();
    expect(await names('flat')).toEqual(['new-top.jpg', 'old-top.png']);
    expect(await names('deep')).toEqual(['new-deep.jpg', 'new-sub-file.jpg', 'new-top.jpg', 'old-deep.png', 'old-top.png']);
  });
});
