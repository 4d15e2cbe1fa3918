import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmartResizeError } from '../../../electron/domain/errors';
import type { ApiHandlers } from '../../../electron/shared';
import { outputDownloadPath } from '../../../electron/shared/outputFiles';
import { createFakeApi } from '../../support/fakeApi/createFakeApi';
import { readJson, startServerFixture, type ServerFixture } from './serverFixture';

describe('GET /api/output (one recorded output of a job)', () => {
  let fixture: ServerFixture;
  let png: Buffer;
  let output: string;
  let gone: string;
  let source: string;

  beforeAll(async () => {
    const fake = createFakeApi();
    // The route asks jobs.detail; the root is only known once the fixture exists, so paths are read late.
    const paths = { output: '', gone: '', source: '' };
    const detail: ApiHandlers['jobs']['detail'] = async ({ id }) => {
      if (id !== 'job-1') throw new SmartResizeError('job_not_found', `There is no job ${id}.`);
      const base = await fake.handlers.jobs.query({ limit: 1 }).then((page) => page.items[0]!);
      return {
        ...base,
        id,
        sourcePath: paths.source,
        outputs: [paths.output, paths.gone].map((path) => ({ path, width: 8, height: 8, target: '8x8', provider: 'local' as const, tier: null, askedForFal: false })),
        missingOutputs: [paths.gone],
        falRequestIds: [],
        log: [],
        attemptsMade: 1,
        tookMs: 10,
      };
    };
    fixture = await startServerFixture({ handlers: { ...fake.handlers, jobs: { ...fake.handlers.jobs, detail } } });
    await mkdir(join(fixture.root, 'photos-8x8'), { recursive: true });
    png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#36c' } }).png().toBuffer();
    paths.output = output = join(fixture.root, 'photos-8x8', 'beach shot é.png');
    paths.gone = gone = join(fixture.root, 'photos-8x8', 'gone.png');
    paths.source = source = join(fixture.root, 'secret.txt');
    await writeFile(output, png);
  });
  afterAll(() => fixture.close());

  it('sends the file as a download named after it, with its image type', async () => {
    const response = await fixture.call(outputDownloadPath({ jobId: 'job-1', path: output }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="beach shot _.png"; filename*=UTF-8''${encodeURIComponent('beach shot é.png')}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
  });

  it('answers HEAD with the headers only', async () => {
    const response = await fixture.call(outputDownloadPath({ jobId: 'job-1', path: output }), { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(png.length));
  });

  it('needs the launch token like every route', async () => {
    const response = await fetch(`${fixture.server.origin}${outputDownloadPath({ jobId: 'job-1', path: output })}`);
    expect(response.status).toBe(401);
  });

  it("refuses any other path, the job's own source included, without reading it", async () => {
    for (const path of [source, join(fixture.root, 'photos-8x8', '..', 'secret.txt'), '/etc/passwd']) {
      const response = await fixture.call(outputDownloadPath({ jobId: 'job-1', path }));
      const text = await response.text();
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
      expect(JSON.parse(text).error).toMatchObject({ code: 'path_not_allowed', message: `${path} is not an output of this job.` });
      expect(text).not.toContain('TOP SECRET');
    }
  });

  it('says so for an output gone from disk, an unknown job, or a request naming neither', async () => {
    const missing = await fixture.call(outputDownloadPath({ jobId: 'job-1', path: gone }));
    expect(missing.status).toBe(404);
    expect((await readJson(missing)).error.code).toBe('file_not_found');
    const unknown = await fixture.call(outputDownloadPath({ jobId: 'job-9', path: output }));
    expect(unknown.status).toBe(404);
    expect((await readJson(unknown)).error).toEqual({ code: 'job_not_found', message: 'There is no job job-9.' });
    const bare = await fixture.call('/api/output?job=job-1');
    expect(bare.status).toBe(400);
    expect((await fixture.call(outputDownloadPath({ jobId: 'job-1', path: output }), { method: 'POST' })).status).toBe(405);
  });
});
