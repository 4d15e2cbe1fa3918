import type { ApiErrorBody } from './apiError';

/** What a transport sends back for one call: never a thrown error, so IPC does not mangle messages. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };
