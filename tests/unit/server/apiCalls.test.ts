import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startServerFixture, type ServerFixture } from './serverFixture';

function post(fixture: ServerFixture, verb: string, body?: string) {
  return fixture.call(`/api/call/${verb}`, {
    method: 'POST',
    body,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
  });
}

describe('POST /api/call/:verb', () => {
  let fixture: ServerFixture;
  beforeAll(async () => {
    fixture = await startServerFixture();
  });
  afterAll(() => fixture.close());

  it('answers a verb with its output as JSON', async () => {
    const response = await post(fixture, 'profiles.get', JSON.stringify({ id: 'prof_meta' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await readJson(response)).toMatchObject({ id: 'prof_meta', builtIn: true });
  });

  it('refuses bad JSON with 400 bad_json', async () => {
    const response = await post(fixture, 'profiles.get', '{"id": ');
    expect(response.status).toBe(400);
    expect((await readJson(response)).error).toEqual({ code: 'bad_json', message: 'The request body is not valid JSON.' });
  });

  it('refuses an unknown verb with 404 unknown_verb', async () => {
    const response = await post(fixture, 'profiles.dropTables');
    expect(response.status).toBe(404);
    expect((await readJson(response)).error.code).toBe('unknown_verb');
  });

  it('refuses invalid input with 400 and the field issues', async () => {
    const response = await post(fixture, 'jobs.query', JSON.stringify({ limit: 100000 }));
    expect(response.status).toBe(400);
    const { error } = await readJson(response);
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0].path).toBe('limit');
    expect(error.message).toMatch(/^Limit: too big/);
  });

  it("maps the handler's refusals: missing records 404, engine refusals 422", async () => {
    const missing = await post(fixture, 'jobs.detail', JSON.stringify({ id: 'job_nope' }));
    expect(missing.status).toBe(404);
    expect((await readJson(missing)).error.code).toBe('job_not_found');
    const builtIn = await post(fixture, 'profiles.remove', JSON.stringify({ id: 'prof_meta' }));
    expect(builtIn.status).toBe(422);
    expect((await readJson(builtIn)).error.message).toContain('built in');
  });

  it('answers 500 with a message when the handler fails unexpectedly', async () => {
    const original = fixture.fake.handlers.queue.state;
    fixture.fake.handlers.queue.state = async () => Promise.reject(new Error('database is locked'));
    try {
      const response = await post(fixture, 'queue.state');
      expect(response.status).toBe(500);
      expect((await readJson(response)).error).toEqual({ code: 'internal', message: 'database is locked' });
    } finally {
      fixture.fake.handlers.queue.state = original;
    }
  });

  it('only takes POST, and refuses oversized bodies', async () => {
    expect((await fixture.call('/api/call/queue.state')).status).toBe(405);
    const huge = JSON.stringify({ json: 'x'.repeat(3 * 1024 * 1024) });
    expect((await post(fixture, 'profiles.import', huge)).status).toBe(413);
  });

  it('never answers the fal key', async () => {
    await post(fixture, 'falKey.set', JSON.stringify({ key: 'fal-secret-key-123' }));
    const status = await post(fixture, 'falKey.status');
    expect(await status.text()).not.toContain('fal-secret-key-123');
  });
});
