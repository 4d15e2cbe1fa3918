import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiHandlers } from '../../shared/contract/types';
import { dispatchCall } from '../../engine/api/dispatchCall';
import { BodyTooLargeError, readBody } from './readBody';
import { sendError, sendJson, statusForErrorCode } from './respond';

// Profile JSON imports are the largest inputs; a megabyte is far above any real one.
const MAX_CALL_BODY_BYTES = 2 * 1024 * 1024;

/**
 * POST /api/call/<verb> with the input as the JSON body (no body for verbs without input). Answers the verb's
 * output as JSON, or `{error: {code, message, issues?}}` with a 4xx/5xx status.
 */
export async function handleCall(request: IncomingMessage, response: ServerResponse, verb: string, handlers: ApiHandlers): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    sendError(response, 405, { code: 'method_not_allowed', message: 'API calls are POST requests.' });
    return;
  }
  let input: unknown;
  try {
    const body = await readBody(request, MAX_CALL_BODY_BYTES);
    input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendError(response, 413, { code: 'too_large', message: error.message });
    } else {
      sendError(response, 400, { code: 'bad_json', message: 'The request body is not valid JSON.' });
    }
    return;
  }
  const result = await dispatchCall(handlers, verb, input);
  if (result.ok) sendJson(response, 200, result.value);
  else sendError(response, statusForErrorCode(result.error.code), result.error);
}
