import { AsyncLocalStorage } from 'node:async_hooks';
import { SmartResizeError, describeError } from '../../../domain/errors';

/**
 * Thrown instead of waiting when a store call made under {@link withoutWaiting} finds the team database gone: the
 * caller (hot-folder intake) has somewhere durable to put its work, so it must not sit in memory until the server
 * answers. Nothing of the failed unit was committed, or its outcome is unknown (a lost COMMIT); either way the
 * team's dedupe settles it when the work is tried again.
 */
export class StoreUnreachableError extends SmartResizeError {
  constructor(store: string, cause: unknown) {
    super('database_error', `The team database ${store} does not answer: ${describeError(cause)}`, { cause });
  }
}

const scope = new AsyncLocalStorage<true>();

/**
 * Runs `work` so that every store call it makes (and the calls of work it starts: a batch it joins) fails at once
 * with StoreUnreachableError on a lost connection, instead of being run again once the server is back.
 */
export function withoutWaiting<T>(work: () => Promise<T>): Promise<T> {
  return scope.run(true, work);
}

/** True inside {@link withoutWaiting}. */
export function mustNotWait(): boolean {
  return scope.getStore() === true;
}

/** Runs `call` outside any {@link withoutWaiting} scope (listeners a commit wakes must wait for the server as usual). */
export function waitingAsUsual<T>(call: () => T): T {
  return scope.exit(call);
}
