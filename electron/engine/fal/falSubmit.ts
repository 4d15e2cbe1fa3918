import { ApiError } from '@fal-ai/client';
import pRetry from 'p-retry';
import { errorCode, NOT_CONNECTED_CODES } from './falCallFetch';
import { callFal, type FalRoute } from './falDirectCall';

/** Statuses fal answers before taking a request: safe to send the submit again (the client's own list). */
const REFUSED_RETRYABLE = new Set([429, 502, 503, 504]);

/**
 * The submit went out but its answer never came back (connection cut, or no answer in time): fal may hold the
 * request, and bill it. Never submit again on this: look the request up in fal's request history first.
 */
export class SubmitAnswerLostError extends Error {
  override readonly name = 'SubmitAnswerLostError';

  constructor(cause: unknown) {
    super('The answer to a fal submit was lost; fal may have taken the request.', { cause });
  }
}

/** True when `error` says a submit's answer was lost (see SubmitAnswerLostError). */
export function isSubmitAnswerLost(error: unknown): error is SubmitAnswerLostError {
  return error instanceof SubmitAnswerLostError;
}

/**
 * Submits one request to `https://queue.fal.run/<endpoint>` and returns fal's request id. It replaces the client's
 * `queue.submit`, whose built-in retry (it cannot be turned off) sends the submit again after a lost answer and so
 * pays twice. Here only answers fal gave before taking the request (429, 502, 503, 504) are retried, three times
 * at about 1, 2 and 4 s as the client does. Throws: the ApiError of any other (or the last) refusal; the network
 * error itself when no connection was made (nothing reached fal); SubmitAnswerLostError for anything else.
 */
export async function submitOnce(route: FalRoute, endpointId: string, input: unknown): Promise<string> {
  const send = async (): Promise<string> => {
    try {
      const answer = await callFal<{ request_id?: unknown }>(route, {
        method: 'POST',
        url: `https://queue.fal.run/${endpointId}`,
        body: input,
        headers: { 'x-fal-queue-priority': 'normal' },
      });
      if (typeof answer.request_id !== 'string' || !answer.request_id) throw new Error('fal answered the submit without a request id.');
      return answer.request_id;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      const code = errorCode(error);
      if (code !== undefined && NOT_CONNECTED_CODES.has(code)) throw error;
      throw new SubmitAnswerLostError(error);
    }
  };
  return pRetry(send, {
    retries: 3,
    minTimeout: 1_000,
    factor: 2,
    shouldRetry: ({ error }) => error instanceof ApiError && REFUSED_RETRYABLE.has(error.status),
  });
}
