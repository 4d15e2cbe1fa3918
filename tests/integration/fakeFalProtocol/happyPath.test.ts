import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeFal, type FakeFal } from '../../support/fakeFal';
import { clientFor, downloadImage, ENDPOINT, makeSourcePng, uploadPng, type SmartResizeOutput } from './helpers';

describe('fake fal protocol: happy path through the real client (host-rewrite form)', () => {
  let fake: FakeFal;
  beforeAll(async () => {
    fake = await startFakeFal({ latency: { processingMs: 150, concurrency: 2 } });
  });
  afterAll(() => fake.close());

  it('uploads, submits, polls, fetches and downloads real images paired through results[i]', async () => {
    const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) =>
      vi.spyOn(console, name).mockImplementation(() => undefined),
    );
    const fal = clientFor(fake);
    const source = await makeSourcePng(1);
    const imageUrl = await uploadPng(fal, source.bytes, 'job-1.png');
    expect(imageUrl.startsWith(`${fake.url}/files/`)).toBe(true);

    const targets = ['1080x1080', '1920x1080', '1080x1920'];
    const enqueued: string[] = [];
    const statuses: string[] = [];
    const result = await fal.subscribe(ENDPOINT, {
      input: { image_url: imageUrl, target_sizes: targets, num_images_per_size: 2, output_format: 'jpeg' },
      pollInterval: 20,
      logs: true,
      onEnqueue: (requestId) => {
        enqueued.push(requestId);
        // The id is known before the request completes: the provider persists it here.
        statuses.push(`enqueued while ${fake.job(requestId)?.state}`);
      },
      onQueueUpdate: (update) => statuses.push(update.status),
    });

    expect(enqueued).toEqual([result.requestId]);
    expect(statuses[0]).not.toBe('enqueued while COMPLETED');
    expect(statuses).toContain('IN_PROGRESS');
    expect(statuses.at(-1)).toBe('COMPLETED');

    const output = result.data as SmartResizeOutput;
    expect(output.images).toHaveLength(6);
    expect(output.results.map((r) => `${r.width}x${r.height}`)).toEqual(targets);
    expect(output.results.map((r) => `${r.aspect_ratio} ${r.resolution}`)).toEqual(['1:1 2K', '16:9 2K', '9:16 2K']);
    for (const [index, entry] of output.results.entries()) {
      expect(entry.images).toHaveLength(2);
      expect(output.images.slice(index * 2, index * 2 + 2)).toEqual(entry.images);
      for (const image of entry.images) {
        expect(await downloadImage(image.url)).toEqual({ width: entry.width, height: entry.height, format: 'jpeg' });
      }
    }
    expect(new Set(output.images.map((image) => image.url)).size).toBe(6);

    expect(fake.submitsFor(source.sha)).toHaveLength(1);
    expect(fake.submitsFor('job-1.png')).toHaveLength(1);
    expect(fake.requestsFor(result.requestId).map((r) => r.route)).toEqual(
      expect.arrayContaining(['submit', 'status', 'result', 'download']),
    );
    const authed = fake.requests().filter((r) => r.route !== 'upload' && r.route !== 'download');
    expect(authed.every((r) => r.auth === 'valid' && r.headers.authorization === 'Key <redacted>')).toBe(true);
    const logged = consoleSpies.flatMap((spy) => spy.mock.calls.flat().map(String));
    expect(logged.some((line) => line.includes(fake.key))).toBe(false);
    consoleSpies.forEach((spy) => spy.mockRestore());
  });

  it('reports IN_QUEUE with queue_position for requests beyond the concurrency, logs only with logs=1', async () => {
    fake.configure({ concurrency: 1, processingMs: 400 });
    try {
      const fal = clientFor(fake);
      const imageUrl = await uploadPng(fal, (await makeSourcePng(2)).bytes);
      const input = { image_url: imageUrl, target_sizes: ['512x512'] };
      const ids = [];
      for (let i = 0; i < 3; i += 1) ids.push((await fal.queue.submit(ENDPOINT, { input })).request_id);
      const [first, , third] = ids as [string, string, string];

      const running = await fal.queue.status(ENDPOINT, { requestId: first, logs: true });
      expect(running.status).toBe('IN_PROGRESS');
      expect(running.status === 'IN_PROGRESS' && running.logs.length).toBeGreaterThan(0);
      const silent = await fal.queue.status(ENDPOINT, { requestId: first, logs: false });
      expect(silent.status === 'IN_PROGRESS' && silent.logs).toBeNull();
      const waiting = await fal.queue.status(ENDPOINT, { requestId: third });
      expect(waiting).toMatchObject({ status: 'IN_QUEUE', queue_position: 1 });
      expect(fake.requests({ route: 'status', requestId: third }).at(-1)?.outcome).toBe(202);

      const done = await fal.queue.subscribeToStatus(ENDPOINT, { requestId: third, pollInterval: 50 });
      expect(done.status).toBe('COMPLETED');
      expect(fake.requests({ route: 'status', requestId: third }).at(-1)?.outcome).toBe(200);
    } finally {
      fake.configure({ concurrency: 2, processingMs: 150 });
    }
  });
});
