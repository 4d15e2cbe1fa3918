import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { HTTP_ROUTES, TOKEN_QUERY, VERB_NAMES } from '../../electron/shared';
import { FIXTURE_MAX_UPLOAD, startHeadlessFixture, type HeadlessFixture, type RawAnswer } from './support/headlessServerFixture';
import { randomJson, SeededRandom } from './support/seededRandom';

// Every endpoint of the real headless server, and its WebSocket, fed malformed, oversized, wrong-typed and random
// input. Each answer must be a 4xx with a code and a message (or a 2xx where the random input happened to be
// valid), never a 5xx, a stack trace or a hang, and the server must still answer a valid call afterwards.
let fixture: HeadlessFixture;

beforeAll(async () => {
  fixture = await startHeadlessFixture();
});

afterAll(async () => {
  await fixture?.close();
});

/** A refusal as the contract promises it: a 4xx, `{error: {code, message}}`, no stack trace. */
function expectRefusal(answer: RawAnswer, what: string): void {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expectNoLeak(answer, what);
  const error = (answer.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  expect(typeof error?.code, what).toBe('string');
  expect(typeof error?.message, what).toBe('string');
  expect((error?.message as string).length, what).toBeGreaterThan(0);
}

/** Any answer: never a server error, never a stack trace or a source path of the app. */
function expectNoLeak(answer: RawAnswer, what: string): void {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expect(answer.text, what).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(answer.text, what).not.toContain('/electron/engine/');
}

async function expectServerUp(): Promise<void> {
  const state = await fixture.call('queue.state');
  expect(state.status).toBe(200);
  expect((state.json as { state: string }).state).toMatch(/running|paused|offline/);
}

describe('POST /api/call/<verb>', () => {
  it('refuses malformed JSON on every verb with 400 bad_json', async () => {
    const bodies = ['{', '{"a":', 'nul', '[1,]', "{'a':1}", '\u0000', '{"a":1}}', 'undefined', '\uFEFF{}'];
    for (const verb of VERB_NAMES) {
      for (const body of bodies) {
        const answer = await fixture.callRaw(verb, body);
        expectRefusal(answer, `${verb} ${JSON.stringify(body)}`);
        expect((answer.json as { error: { code: string } }).error.code).toBe('bad_json');
      }
    }
    await expectServerUp();
  });

  it('refuses wrong types, prototype keys and huge strings on every verb', async () => {
    const inputs: unknown[] = [
      null, 42, 'text', [], true, { unknown: 1 },
      JSON.parse('{"__proto__": {"polluted": true}}'),
      { constructor: { prototype: { polluted: true } } },
      { id: 'x'.repeat(100_000) },
      { path: 'x'.repeat(5000) },
      { paths: Array.from({ length: 10_001 }, () => '/etc/passwd') },
    ];
    for (const verb of VERB_NAMES) {
      for (const input of inputs) {
        const answer = await fixture.call(verb, input);
        // A verb that takes nothing accepts no body at all; every other one must refuse all of these.
        expectRefusal(answer, `${verb} ${JSON.stringify(input).slice(0, 80)}`);
      }
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    await expectServerUp();
  });

  it('answers random JSON (seeded) on every verb without a 5xx', async () => {
    const random = new SeededRandom(20_240_601);
    let refused = 0;
    for (const verb of VERB_NAMES) {
      for (let round = 0; round < 6; round += 1) {
        const input = randomJson(random);
        const answer = await fixture.call(verb, input);
        const what = `${verb} ${JSON.stringify(input)?.slice(0, 120)}`;
        if (answer.status >= 400) {
          expectRefusal(answer, what);
          refused += 1;
        } else {
          expectNoLeak(answer, what);
        }
      }
    }
    // Random input is almost never valid: the refusals are what was tested.
    expect(refused).toBeGreaterThan(VERB_NAMES.length * 5);
    expect(Object.prototype).not.toHaveProperty('polluted');
    await expectServerUp();
  });

  it('refuses random bytes, deep nesting and bodies over the limit', async () => {
    const random = new SeededRandom(7);
    for (let round = 0; round < 40; round += 1) {
      const verb = random.pick(VERB_NAMES);
      expectRefusal(await fixture.callRaw(verb, random.bytes(1 + random.int(2000))), `${verb} random bytes`);
    }
    const deepArray = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expectRefusal(await fixture.callRaw('jobs.query', deepArray), 'deep array');
    const deepObject = `{"draft":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`;
    expectRefusal(await fixture.callRaw('profiles.create', deepObject), 'deep object');
    const tooBig = await fixture.callRaw('profiles.import', JSON.stringify({ json: 'x'.repeat(3 * 1024 * 1024) }));
    expectRefusal(tooBig, 'oversized body');
    expect(tooBig.status).toBe(413);
    // Without a Content-Length (chunked), the limit is enforced while reading.
    const chunks = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('x'.repeat(1024 * 1024)));
      },
    });
    const streamed = await fixture.callRaw('profiles.import', undefined, { body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    await expectServerUp();
  });

  it('refuses unknown verbs, prototype names and other methods', async () => {
    const verbs = ['nope', '__proto__', 'constructor', 'toString', 'jobs.__proto__', 'jobs.constructor', 'profiles.hasOwnProperty', 'jobs', '.', 'jobs.',
      '%00', 'jobs.query%00', '..%2f..%2fetc%2fpasswd', 'x'.repeat(8000)];
    for (const verb of verbs) {
      const answer = await fixture.callRaw(verb, '{}', { headers: { 'Content-Type': 'application/json' } });
      expectRefusal(answer, `verb ${verb.slice(0, 40)}`);
      expect(answer.status, verb.slice(0, 40)).toBe(404);
    }
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      expectRefusal(await fixture.request(`${HTTP_ROUTES.call}queue.state`, { method }), method);
    }
    expectRefusal(await fixture.request('/api/nothing-here', { method: 'POST' }), 'unknown route');
    await expectServerUp();
  });
});

describe('uploads', () => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const upload = (name: string, body: Buffer | string, headers: Record<string, string> = {}) =>
    fixture.request(`${HTTP_ROUTES.upload}?name=${encodeURIComponent(name)}`, { method: 'POST', body, headers });

  it('keeps only images within the size limit', async () => {
    expectRefusal(await upload('notes.jpg', 'just some text pretending to be a JPEG'), 'text named .jpg');
    expectRefusal(await upload('empty.png', ''), 'empty upload');
    expectRefusal(await upload('script.svg.exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')), 'executable');
    expectRefusal(await upload('random.png', new SeededRandom(3).bytes(5000)), 'random bytes');
    const huge = Buffer.concat([png, Buffer.alloc(FIXTURE_MAX_UPLOAD)]);
    const tooLarge = await upload('huge.png', huge);
    expectRefusal(tooLarge, 'over the limit');
    expect(tooLarge.status).toBe(413);
    const ok = await upload('pixel.png', png);
    expect(ok.status).toBe(200);
  });

  it('saves every upload inside the inbox, whatever its name says', async () => {
    const inbox = `${fixture.dataDir}/inbox/`;
    for (const name of ['../../../outside/evil.png', '/etc/evil.png', '..\\..\\evil.png', 'a\u0000b.png', '..', '.', '', '.hidden.png', 'x'.repeat(1000)]) {
      const saved = await upload(name, png);
      expect(saved.status, name).toBe(200);
      const path = (saved.json as { path: string }).path;
      expect(path.startsWith(inbox), `${name} -> ${path}`).toBe(true);
      expect(path.slice(inbox.length), name).not.toMatch(/[/\\\0]|^\./);
    }
    await expectServerUp();
  });
});

describe('browse and static files', () => {
  it('never lists or serves anything outside home and the renderer', async () => {
    for (const path of ['..', '../..', '/', '/etc', `${fixture.home}/../outside`, `${fixture.home}/%2e%2e`, '\u0000']) {
      const answer = await fixture.request(`${HTTP_ROUTES.browse}?path=${encodeURIComponent(path)}`);
      expectRefusal(answer, `browse ${path}`);
    }
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%00', '/..\\..\\etc\\passwd', '/%E0%A4%A']) {
      const answer = await fixture.request(path);
      expect(answer.text, path).not.toContain('root:');
      expectNoLeak(answer, path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('the event WebSocket', () => {
  const socketUrl = () => `ws://127.0.0.1:${fixture.server.http.port}${HTTP_ROUTES.events}?${TOKEN_QUERY}=${encodeURIComponent(fixture.server.http.token)}`;

  it('refuses upgrades without the token or from another origin', async () => {
    const refused = (url: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url, { headers });
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('open', () => resolve(101));
        socket.on('error', () => resolve(-1));
      });
    expect(await refused(`ws://127.0.0.1:${fixture.server.http.port}${HTTP_ROUTES.events}`)).toBe(401);
    expect(await refused(socketUrl(), { Origin: 'https://evil.example' })).toBe(401);
    expect(await refused(`ws://127.0.0.1:${fixture.server.http.port}/api/other?${TOKEN_QUERY}=${fixture.server.http.token}`)).toBe(401);
  });

  it('survives garbage and oversized frames, and keeps pushing events to other pages', async () => {
    const random = new SeededRandom(11);
    const listener = new WebSocket(socketUrl());
    const events: string[] = [];
    listener.on('message', (data) => events.push(String(data)));
    await new Promise((resolve) => listener.once('open', resolve));

    const attacker = new WebSocket(socketUrl());
    await new Promise((resolve) => attacker.once('open', resolve));
    const closed = new Promise<number>((resolve) => attacker.once('close', (code) => resolve(code)));
    for (let round = 0; round < 30; round += 1) attacker.send(round % 2 ? random.bytes(random.int(3000)) : '{"type":"__proto__"');
    attacker.send(Buffer.alloc(64 * 1024));
    // ws closes a connection whose message exceeds maxPayload with 1009 (message too big).
    expect(await closed).toBe(1009);

    await fixture.call('queue.pause');
    await fixture.call('queue.resume');
    await expect.poll(() => events.some((event) => event.includes('"queue.changed"')), { timeout: 10_000 }).toBe(true);
    for (const event of events) expect(() => JSON.parse(event)).not.toThrow();
    listener.close();
  });

  it('answers raw non-HTTP bytes on the port with 400 and stays up', async () => {
    const random = new SeededRandom(5);
    for (let round = 0; round < 5; round += 1) {
      const reply = await new Promise<string>((resolve) => {
        const socket = connect(fixture.server.http.port, '127.0.0.1', () => socket.end(random.bytes(500 + random.int(2000))));
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString('latin1')));
        socket.on('close', () => resolve(text));
        socket.on('error', () => resolve(text));
      });
      expect(reply === '' || reply.startsWith('HTTP/1.1 400')).toBe(true);
    }
    await expectServerUp();
  });
});
