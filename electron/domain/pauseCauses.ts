/**
 * Why the whole queue is paused. `user`: the person paused it (tray, Queue page, API); only they resume it.
 * `auth`: fal refused the key (401/403: wrong key, locked account, no credit) or no key is set while a job needs fal;
 * saving a key lifts it, and the next refusal pauses again if the key is still not good.
 * A budget cap never pauses the queue: it holds each job in `waiting_budget` and lets free (local) work run on.
 */
export const PAUSE_CAUSES = ['user', 'auth'] as const;

/** One of PAUSE_CAUSES. */
export type PauseCause = (typeof PAUSE_CAUSES)[number];

/** True for a pause the engine made itself (the person is told why), false for their own. */
export function isAutomaticPause(cause: PauseCause | null | undefined): cause is Exclude<PauseCause, 'user'> {
  return cause !== null && cause !== undefined && cause !== 'user';
}
