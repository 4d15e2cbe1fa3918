import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError, VERB_NAMES } from '../../../electron/shared';
import { createHttpApi } from '../../../renderer/src/api/httpApi';
import type { EventStream } from '../../../renderer/src/api/eventStreamTypes';

const noEvents: EventStream = { subscribe: () => () => undefined, onConnectionChange: () => () => undefined };

function stubFetch(response: Response) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => (calls.push({ url, init }), response));
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('the renderer HTTP client', () => {
  it('has a function for every verb of the contract', () => {
    const api = createHttpApi(null, noEvents) as unknown as Record<string, Record<string, unknown>>;
    for (const verb of VERB_NAMES) {
      const [group, name] = verb.split('.') as [string, string];
      expect(typeof api[group]?.[name], verb).toBe('function');
    }
  });

  it('posts the input as JSON to /api/call/<verb> with the token when it has one', async () => {
    const calls = stubFetch(new Response(JSON.stringify({ items: [], nextCursor: null }), { status: 200 }));
    const api = createHttpApi('tok', noEvents);
    expect(await api.jobs.query({ limit: 5 })).toEqual({ items: [], nextCursor: null });
    expect(calls[0]?.url).toBe('/api/call/jobs.query');
    expect(calls[0]?.init.body).toBe('{"limit":5}');
    expect(calls[0]?.init.headers).toMatchObject({ Authorization: 'Bearer tok', 'Content-Type': 'application/json' });
  });

  it('sends no body for verbs without input and relies on the cookie without a token', async () => {
    const calls = stubFetch(new Response('[]', { status: 200 }));
    await createHttpApi(null, noEvents).profiles.list();
    expect(calls[0]?.init.body).toBeUndefined();
    expect(calls[0]?.init.headers).toEqual({});
  });

  it("throws the host's error with its code, message and field issues", async () => {
    const body = { error: { code: 'invalid_input', message: 'Invalid input for jobs.retry: id: An id is required.', issues: [{ path: 'id', message: 'An id is required.' }] } };
    stubFetch(new Response(JSON.stringify(body), { status: 400 }));
    const error = await createHttpApi(null, noEvents).jobs.retry({ id: '' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'invalid_input', message: body.error.message, issues: body.error.issues });
  });

  it('says the server is unreachable when fetch itself fails', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('fetch failed')));
    await expect(createHttpApi(null, noEvents).queue.state()).rejects.toMatchObject({ code: 'server_unreachable' });
  });
});
