import { ApiError } from '@fal-ai/client';
import type { FalKeyTest } from '../../shared/schemas/settings';
import type { SmartResizeFalClient } from '../fal/falClient';
import { errorCode } from '../fal/falCallFetch';
import { isFalCallTimeout } from '../fal/falCallTimeouts';
import { falReasonText } from '../fal/falErrorClassification';

/**
 * Makes one authenticated call to fal with a client's key and route (see `direct.checkKey`) and says what fal made
 * of it: valid (2xx), invalid (401/403, with fal's reason), unreachable (no answer: offline, DNS, a wrong proxy, a
 * timeout), or unexpected (any other answer). `viaProxy` only words the unreachable case.
 */
export async function checkFalKey(client: SmartResizeFalClient, viaProxy: boolean): Promise<FalKeyTest> {
  try {
    await client.direct.checkKey();
    return { result: 'valid', message: 'fal accepted the key.' };
  } catch (error) {
    if (error instanceof ApiError) {
      const reason = falReasonText(error.body) ?? error.message;
      const said = `${error.status}${reason ? `: ${reason}` : ''}`;
      if (error.status === 401 || error.status === 403) return { result: 'invalid', message: `fal refused the key (${said}).` };
      return { result: 'unexpected', message: `fal answered ${said}; the key could not be checked.` };
    }
    const why = isFalCallTimeout(error) ? 'no answer in time' : (errorCode(error) ?? (error as Error).message);
    const via = viaProxy ? ' through the proxy' : '';
    return { result: 'unreachable', message: `fal could not be reached${via} (${why}): check the network${viaProxy ? ' and the proxy URL' : ''}.` };
  }
}
