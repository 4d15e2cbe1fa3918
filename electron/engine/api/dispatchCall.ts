import { isSmartResizeError, describeError } from '../../domain/errors';
import { ApiCallError, describeIssues, splitVerbName, toFieldIssues, validateCall, type ApiErrorBody, type ApiHandlers, type CallResult } from '../../shared';

/** Any thrown value as a transportable error body: engine refusals keep their code and message. */
function toErrorBody(error: unknown): ApiErrorBody {
  if (error instanceof ApiCallError) return error.toBody();
  if (isSmartResizeError(error)) return { code: error.code, message: error.message };
  return { code: 'internal', message: describeError(error) };
}

type LooseHandler = (input: unknown) => Promise<unknown>;

/**
 * Runs one call from outside the host: validates the input, calls the handler, then validates the answer, which
 * also strips any field the contract does not name (so a secret on an engine object can never reach a UI).
 */
export async function dispatchCall(handlers: ApiHandlers, verb: string, rawInput: unknown): Promise<CallResult> {
  try {
    const call = validateCall(verb, rawInput);
    const [group, name] = splitVerbName(call.verb);
    const handler = (handlers as unknown as Record<string, Record<string, LooseHandler>>)[group]?.[name];
    if (!handler) throw new ApiCallError('internal', `The host does not implement ${call.verb}.`);
    const answer = await handler(call.input);
    const checked = call.spec.output.safeParse(answer);
    if (!checked.success) {
      const issues = toFieldIssues(checked.error);
      return { ok: false, error: { code: 'invalid_output', message: `The app's answer to ${call.verb} broke its own contract (a bug): ${describeIssues(issues)}` } };
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    return { ok: false, error: toErrorBody(error) };
  }
}
