// The API contract shared by the hosts and the renderer. Import from here rather than the files inside.
export { apiContract, type ApiContract } from './contract/apiContract';
export type { VerbSpec } from './contract/verb';
export type * from './contract/types';
export { VERB_NAMES, isVerbName, getVerbSpec, splitVerbName } from './contract/verbLookup';
export { validateCall, toFieldIssues, describeIssues, type ValidatedCall } from './validateCall';
export { dispatchCall, toErrorBody, type CallResult } from './dispatchCall';
export { rendererApiFromBridge, unwrapCallResult } from './bridgeApi';
export { ApiCallError, ApiErrorBodySchema, type ApiErrorBody, type FieldIssue, type ContractErrorCode } from './apiError';
export { createEventHub, type ApiEventHub, type ApiEventSource } from './eventHub';
export * from './transport';
export * from './schemas/common';
export * from './schemas/profile';
export * from './schemas/folder';
export * from './schemas/job';
export * from './schemas/queue';
export * from './schemas/settings';
export * from './schemas/estimate';
export * from './schemas/events';
