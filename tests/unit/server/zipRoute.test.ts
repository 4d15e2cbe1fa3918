import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmartResizeError } from '../../../electron/domain/errors';
import type { ApiHandlers } from '../../../electron/shared';
import { zipDownloadPath } from '../../../electron/shared/outputFiles';
import { readZip } from '../../support/zip/readZip';
import { readJson, startServerFixture, type ServerFixture } from './serverFixture';

// GET /api/zip over two jobs whose sources share a name (two folders, one file name): sizes as folders, nothing
// overwritten, only recorded outputs inside, a file gone from disk listed instead of failing the download.

describe('GET /api/zip (a job or a batch of jobs as one zip, sizes as folders)', () => {
  let fixture: ServerFixture;
  const jobs = new Map<string, Awaited<ReturnType<ApiHandlers['jobs']['detail']>>>();
  const bytes = new Map<string, Buffer>();

  beforeAll(async () => {
    const paths: Array<{ id: string; folder: string }> = [
      { id: 'job-a', folder: 'spring' },
      { id: 'job-b', folder: 'summer' },
    ];
    // The fixture's root is known only once it runs: the handlers read the jobs map late.
    const detail: ApiHandlers['jobs']['detail'] = async ({ id }) => {
      const job = jobs.get(id);
      if (!job) throw new SmartResizeError('job_not_found', `There is no job ${id}.`);
      return job;
    };
    const query: ApiHandlers['jobs']['query'] = async (input) => ({
      items: [...jobs.values()].filter((job) => !input.search || job.sourceName.includes(input.search) || job.sourcePath.includes(input.search)),
      nextCursor: null,
    });
    fixture = await startServerFixture();
    const base = await fixture.fake.handlers.jobs.detail({ id: (await fixture.fake.handlers.jobs.query({ limit: 1 })).items[0]!.id });
    for (const { id, folder } of paths) {
      const outputs = [];
      for (const target of ['1080x1080', '1200x628']) {
        const dir = join(fixture.root, `${folder}-${target}`);
        await mkdir(dir, { recursive: true });
        const path = join(dir, 'photo.jpg');
        const content = Buffer.from(`${id} ${target}`);
        bytes.set(path, content);
        if (!(id === 'job-b' && target === '1200x628')) await writeFile(path, content);
        const [width, height] = target.split('x').map(Number) as [number, number];
        outputs.push({ path, width, height, target, provider: 'local' as const, tier: null, askedForFal: false, layout: null });
      }
      jobs.set(id, { ...base, id, sourceName: 'photo.jpg', sourcePath: join(fixture.root, folder, 'photo.jpg'), outputs, missingOutputs: [] });
    }
    fixture.fake.handlers.jobs.detail = detail;
    fixture.fake.handlers.jobs.query = query;
  });
  afterAll(() => fixture.close());

  it('zips one job as its size folders, named after its source', async () => {
    const response = await fixture.call(zipDownloadPath({ jobIds: ['job-a'] }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain('filename="photo.zip"');
    const files = await readZip(Buffer.from(await response.arrayBuffer()));
    expect([...files.keys()]).toEqual(['1080x1080/photo.jpg', '1200x628/photo.jpg']);
    expect(files.get('1200x628/photo.jpg')).toEqual(bytes.get(join(fixture.root, 'spring-1200x628', 'photo.jpg')));
  });

  it('zips a batch by History’s filters: same names numbered, a missing file listed', async () => {
    const response = await fixture.call(zipDownloadPath({ filters: { search: 'photo' } }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('filename="smart-resize-2-jobs.zip"');
    const files = await readZip(Buffer.from(await response.arrayBuffer()));
    expect([...files.keys()].sort()).toEqual(['1080x1080/photo (2).jpg', '1080x1080/photo.jpg', '1200x628/photo.jpg', 'missing.txt']);
    expect(files.get('1080x1080/photo (2).jpg')!.toString()).toBe('job-b 1080x1080');
    expect(files.get('missing.txt')!.toString()).toContain(join(fixture.root, 'summer-1200x628', 'photo.jpg'));
  });

  it('refuses a request naming no jobs, an unknown job, another method, and a request without the token', async () => {
    const bare = await fixture.call('/api/zip');
    expect(bare.status).toBe(400);
    expect((await readJson(bare)).error.message).toMatch(/Name the jobs/);
    const unknown = await fixture.call(zipDownloadPath({ jobIds: ['job-z'] }));
    expect(unknown.status).toBe(404);
    expect((await readJson(unknown)).error.code).toBe('job_not_found');
    expect((await fixture.call(zipDownloadPath({ jobIds: ['job-a'] }), { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${fixture.server.origin}${zipDownloadPath({ jobIds: ['job-a'] })}`)).status).toBe(401);
  });
});
