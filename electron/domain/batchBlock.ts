/**
 * Why a batch cannot move at all: the queue is paused (by the person or a refused key), fal is unreachable, or
 * every waiting job is held by a budget cap or a burst waiting for the go-ahead. Shown in place of a time left.
 */
export const BATCH_BLOCK_CAUSES = ['paused', 'offline', 'budget'] as const;
