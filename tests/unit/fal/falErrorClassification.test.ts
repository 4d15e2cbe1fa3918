import { ApiError, ValidationError } from '@fal-ai/client';
import { describe, expect, it } from 'vitest';
import { classifyFalError, falReasonText } from '../../../electron/engine/fal/falErrorClassification';

const apiError = (status: number, body: unknown, message = 'Reason Phrase') => new ApiError({ message, status, body });

describe('classifyFalError', () => {
  it('reads an unreachable host as offline, not as a failed job', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    expect(classifyFalError(refused)).toMatchObject({ kind: 'offline' });
    expect(classifyFalError(new TypeError('fetch failed'))).toMatchObject({ kind: 'offline' });
    const dns = Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' });
    expect(classifyFalError(dns)).toMatchObject({ kind: 'offline' });
  });

  it.each([429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(classifyFalError(apiError(status, { detail: 'busy' }))).toMatchObject({ kind: 'retryable', status });
  });

  it('pauses the queue on 401 and on 403 "User is locked", with fal’s reason', () => {
    expect(classifyFalError(apiError(401, { detail: 'No user found for Key ID and Secret' }))).toMatchObject({ kind: 'auth', status: 401 });
    const locked = classifyFalError(apiError(403, { detail: 'User is locked. Reason: Exhausted balance.' }));
    expect(locked.kind).toBe('auth');
    expect(locked.message).toContain('User is locked. Reason: Exhausted balance.');
  });

  it('fails a 422 with fal’s own reason text from body.detail, not the reason phrase', () => {
    const error = new ValidationError({
      message: 'Unprocessable Entity',
      status: 422,
      body: { detail: [{ loc: ['body', 'image_url'], msg: 'The image was flagged by the content checker.', type: 'content_policy_violation' }] },
    });
    const failure = classifyFalError(error);
    expect(failure).toMatchObject({ kind: 'rejected', status: 422, type: 'content_policy_violation' });
    expect(failure.message).toBe('The image was flagged by the content checker. (content_policy_violation)');
    expect(failure.message).not.toContain('Unprocessable');
  });

  it('treats an abort as our own stop', () => {
    expect(classifyFalError(Object.assign(new Error('x'), { name: 'AbortError' }))).toMatchObject({ kind: 'aborted' });
  });
});

describe('falReasonText', () => {
  it('joins list details, keeps string details, and gives up on anything else', () => {
    expect(falReasonText({ detail: [{ msg: 'a', type: 't1' }, { msg: 'b' }] })).toBe('a (t1); b');
    expect(falReasonText({ detail: 'Too large' })).toBe('Too large');
    expect(falReasonText({ detail: 42 })).toBeUndefined();
    expect(falReasonText(undefined)).toBeUndefined();
  });
});
