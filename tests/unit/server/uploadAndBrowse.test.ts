import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFolder } from '../../../electron/server/http/browseRoute';
import { readJson, startServerFixture, type ServerFixture } from './serverFixture';

describe('POST /api/upload', () => {
  let fixture: ServerFixture;
  let png: Buffer;
  beforeAll(async () => {
    fixture = await startServerFixture({ maxUploadBytes: 64 * 1024 });
    png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } }).png().toBuffer();
  });
  afterAll(() => fixture.close());

  const upload = (name: string, body: Uint8Array | string) => fixture.call(`/api/upload?name=${encodeURIComponent(name)}`, { method: 'POST', body });

  it('saves an image into the inbox under a safe name and says where', async () => {
    const response = await upload('../../evil name.png', new Uint8Array(png));
    expect(response.status).toBe(200);
    const saved = await readJson(response);
    expect(saved).toEqual({ path: join(fixture.inboxDir, 'evil name.png'), name: 'evil name.png', bytes: png.length });
    expect(await readFile(saved.path)).toEqual(png);
    expect(fixture.uploads).toEqual([saved]);
  });

  it('never overwrites an earlier upload of the same name, and adds the extension the bytes call for', async () => {
    const again = await readJson(await upload('evil name.png', new Uint8Array(png)));
    expect(again.name).toBe('evil name-1.png');
    const bare = await readJson(await upload('scan', new Uint8Array(png)));
    expect(bare.name).toBe('scan.png');
  });

  it('refuses bytes that are not an image, whatever the name, and leaves nothing behind', async () => {
    const before = await readdir(fixture.inboxDir);
    const response = await upload('photo.jpg', 'MZ this is a program, not a photo'.repeat(200));
    expect(response.status).toBe(415);
    expect((await readJson(response)).error.code).toBe('not_an_image');
    expect(await readdir(fixture.inboxDir)).toEqual(before);
  });

  it('takes SVG as it is exported (XML declaration, comment, doctype), since SVG is a supported format', async () => {
    const svg = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- Generator: Adobe Illustrator 24.0 -->',
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
      '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#36f"/></svg>',
    ];
    for (const [name, text] of [['exported.svg', svg.join('\n')], ['declared.svg', `${svg[0]}\n${svg[3]}`], ['bare.svg', svg[3]!]] as const) {
      const response = await upload(name, text);
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
      expect((await readJson(response)).name).toBe(name);
    }
  });

  it('refuses a text file with a message that does not claim it is a supported type', async () => {
    const response = await upload('notes.txt', 'Shopping list: milk, eggs, bread.\n'.repeat(20));
    expect(response.status).toBe(415);
    expect((await readJson(response)).error.message).toMatch(/not an image the app can resize \(JPEG, PNG, WebP, GIF, TIFF, AVIF, HEIC or SVG\)/);
  });

  it('refuses a file over the size limit, declared or streamed', async () => {
    const big = Buffer.concat([png, Buffer.alloc(100 * 1024)]);
    const declared = await upload('big.png', new Uint8Array(big));
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array(png));
        for (let index = 0; index < 10; index += 1) controller.enqueue(new Uint8Array(10 * 1024));
        controller.close();
      },
    });
    const streamed = await fixture.call('/api/upload?name=big2.png', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await readdir(fixture.inboxDir)).filter((name) => name.startsWith('big'))).toEqual([]);
    expect((await readdir(fixture.inboxDir)).filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});

describe('GET /api/browse', () => {
  let fixture: ServerFixture;
  beforeAll(async () => {
    fixture = await startServerFixture();
    await symlink(fixture.root, join(fixture.homeDir, 'escape-link'));
  });
  afterAll(() => fixture.close());

  it('lists the home folder’s visible subfolders, with no parent above home', async () => {
    const listing = await readJson(await fixture.call('/api/browse'));
    expect(listing.parent).toBeNull();
    expect(listing.folders.map((folder: { name: string }) => folder.name)).toEqual(['Pictures']);
    const inside = await readJson(await fixture.call(`/api/browse?path=${encodeURIComponent(join(fixture.homeDir, 'Pictures'))}`));
    expect(inside.folders).toEqual([{ name: 'Campaign', path: join(fixture.homeDir, 'Pictures', 'Campaign') }]);
    expect(inside.parent).toBe(fixture.homeDir);
  });

  it('refuses folders outside home, by path, by .. and by symlink', async () => {
    for (const path of [fixture.root, join(fixture.homeDir, '..'), join(fixture.homeDir, 'escape-link'), '/']) {
      const response = await fixture.call(`/api/browse?path=${encodeURIComponent(path)}`);
      expect(response.status, path).toBe(403);
    }
    expect((await fixture.call(`/api/browse?path=${encodeURIComponent(join(fixture.homeDir, 'missing'))}`)).status).toBe(404);
  });
});

describe('POST /api/browse: a new folder from the folder browser', () => {
  let fixture: ServerFixture;
  beforeAll(async () => {
    fixture = await startServerFixture();
    await symlink(fixture.root, join(fixture.homeDir, 'escape-link'));
  });
  afterAll(() => fixture.close());
  const create = (parent: string, name: string) =>
    fixture.call('/api/browse', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ parent, name }) });

  it('creates a folder inside an allowed place and answers its listing', async () => {
    const response = await create(join(fixture.homeDir, 'Pictures'), 'Spring sale');
    expect(response.status).toBe(200);
    const listing = await readJson(response);
    expect(listing).toMatchObject({ path: join(fixture.homeDir, 'Pictures', 'Spring sale'), parent: join(fixture.homeDir, 'Pictures'), folders: [] });
    expect((await readdir(join(fixture.homeDir, 'Pictures'))).sort()).toEqual(['Campaign', 'Spring sale']);
  });

  it('refuses a parent outside the allowed places (by path, .. or symlink) and creates nothing there', async () => {
    for (const parent of [fixture.root, join(fixture.homeDir, '..'), join(fixture.homeDir, 'escape-link')]) {
      const response = await create(parent, 'planted');
      expect(response.status, parent).toBe(403);
    }
    expect(await readdir(fixture.root)).not.toContain('planted');
  });

  it('refuses names that are not one plain folder name, and a name already taken', async () => {
    for (const name of ['', '.', '..', 'a/b', '../up', 'a\\b', '.hidden-new', 'x'.repeat(256), 'nul\u0000']) {
      const response = await create(fixture.homeDir, name);
      expect({ name, status: response.status }).toEqual({ name, status: 400 });
    }
    const taken = await create(fixture.homeDir, 'Pictures');
    expect(taken.status).toBe(409);
    expect((await readJson(taken)).error.message).toBe('A folder named "Pictures" is already there.');
  });
});

describe('listFolder with folders allowed beside home (serve --allow)', () => {
  it('browses each allowed root and below, stops at each root, and still refuses everything else', async () => {
    const base = await mkdtemp(join(tmpdir(), 'sr-browse-roots-'));
    try {
      const home = join(base, 'home');
      const nas = join(base, 'mnt', 'nas');
      await mkdir(join(home, 'Pictures'), { recursive: true });
      await mkdir(join(nas, 'Campaigns', 'Spring'), { recursive: true });
      await mkdir(join(base, 'mnt', 'other'), { recursive: true });
      const roots = [home, nas];

      const start = await listFolder(roots, null);
      expect(start).toMatchObject({ path: home, parent: null, roots: [home, nas] });
      const share = await listFolder(roots, nas);
      expect(share).toMatchObject({ path: nas, parent: null, folders: [{ name: 'Campaigns', path: join(nas, 'Campaigns') }] });
      expect(await listFolder(roots, join(nas, 'Campaigns'))).toMatchObject({ parent: nas, folders: [{ name: 'Spring' }] });
      for (const outside of [join(base, 'mnt'), join(base, 'mnt', 'other'), join(nas, '..', 'other'), base]) {
        expect(await listFolder(roots, outside), outside).toBe('outside');
      }
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
