// Crashes the way a bug would, with the fal key loaded: a fal call refused by the (fake) fal server, never awaited,
// so Node prints the unhandled rejection (stack and every enumerable field of the error) and exits non-zero.
// argv[2]: the fake fal's origin; the key comes from FAL_KEY, as for the CLI.
import { SMART_RESIZE_ENDPOINT, createSmartResizeFalClient } from '../../../electron/engine/fal/falClient';
import { resolveFalKey } from '../../../electron/engine/fal/falSettings';

const client = createSmartResizeFalClient({ credentials: resolveFalKey(undefined, process.env)!, hostOverride: process.argv[2]! });
void client.queue.submit(SMART_RESIZE_ENDPOINT, { input: { image_url: 'https://example.invalid/x.png' } });
