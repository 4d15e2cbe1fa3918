import { ApiCallError } from './apiCallError';
import { ApiErrorBodySchema } from './apiError';
import type { ApiEventListener, ElectronBridge, RendererApi } from './contract/types';
import { splitVerbName, VERB_NAMES } from './contract/verbLookup';
import type { CallResult } from './callResult';

/** The answer of a call, or the host's refusal thrown as an ApiCallError with its code, message and field issues. */
function unwrapCallResult(result: unknown): unknown {
  const answer = result as CallResult | undefined;
  if (answer?.ok === true) return answer.value;
  const body = ApiErrorBodySchema.safeParse(answer?.ok === false ? answer.error : undefined);
  throw body.success ? ApiCallError.fromBody(body.data) : new ApiCallError('internal', 'The app answered a call in an unexpected form.');
}

/** The page's API over the preload bridge: each verb's CallResult unwrapped on this side of contextBridge. */
export function rendererApiFromBridge(bridge: ElectronBridge): RendererApi {
  const raw = bridge as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
  const groups: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const verb of VERB_NAMES) {
    const [group, name] = splitVerbName(verb);
    const call = raw[group]?.[name];
    (groups[group] ??= {})[name] = async (input?: unknown) => {
      if (!call) throw new ApiCallError('internal', `The desktop app does not offer ${verb}.`);
      return unwrapCallResult(await call(input));
    };
  }
  // Built from the contract's own verb list, so the shape matches RendererApi by construction.
  return { ...groups, onEvent: (listener: ApiEventListener) => bridge.onEvent(listener) } as unknown as RendererApi;
}
