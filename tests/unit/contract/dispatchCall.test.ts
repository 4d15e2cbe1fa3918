import { describe, expect, it } from 'vitest';
import { SmartResizeError } from '../../../electron/domain/errors';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { ApiHandlers } from '../../../electron/shared';

/** Only the verbs a test touches are implemented; dispatchCall looks handlers up at call time. */
function handlersWith(partial: Record<string, Record<string, (input: unknown) => Promise<unknown>>>): ApiHandlers {
  return partial as unknown as ApiHandlers;
}

describe('dispatchCall', () => {
  it('passes validated input to the handler and answers its value', async () => {
    const seen: unknown[] = [];
    const handlers = handlersWith({
      falKey: { set: async (input) => (seen.push(input), { configured: true, storage: 'safeStorage' }) },
    });
    const result = await dispatchCall(handlers, 'falKey.set', { key: ' secret-key-1 ' });
    expect(result).toEqual({ ok: true, value: { configured: true, storage: 'safeStorage' } });
    expect(seen).toEqual([{ key: 'secret-key-1' }]);
  });

  it('strips fields the contract does not name, so a secret cannot leak through an answer', async () => {
    const handlers = handlersWith({
      falKey: { status: async () => ({ configured: true, storage: 'env', key: 'fal-secret' }) },
    });
    const result = await dispatchCall(handlers, 'falKey.status', undefined);
    expect(result).toEqual({ ok: true, value: { configured: true, storage: 'env' } });
  });

  it('never calls the handler when the input is invalid', async () => {
    let called = false;
    const handlers = handlersWith({ jobs: { retry: async () => ((called = true), {}) } });
    const result = await dispatchCall(handlers, 'jobs.retry', { id: '' });
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_input');
  });

  it("keeps an engine refusal's code and message", async () => {
    const handlers = handlersWith({
      profiles: { get: async () => Promise.reject(new SmartResizeError('profile_not_found', 'No profile "x".')) },
    });
    expect(await dispatchCall(handlers, 'profiles.get', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'profile_not_found', message: 'No profile "x".' },
    });
  });

  it('reports an unexpected error as internal and a wrong answer as invalid_output', async () => {
    const handlers = handlersWith({
      queue: { pause: async () => Promise.reject(new Error('disk on fire')), state: async () => ({ state: 'sleeping' }) },
    });
    expect(await dispatchCall(handlers, 'queue.pause', undefined)).toEqual({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
    const bad = await dispatchCall(handlers, 'queue.state', undefined);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid_output');
  });

  it('says which verb a host forgot to implement', async () => {
    const result = await dispatchCall(handlersWith({}), 'queue.resume', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'The host does not implement queue.resume.' } });
  });
});
