import type { ApiEventListener } from '../../../electron/shared';

/** Receives `true` when the live connection comes up and `false` when it drops. */
export type ConnectionListener = (connected: boolean) => void;

/** The headless server's event feed as the HTTP client uses it (a reconnecting WebSocket in the page). */
export interface EventStream {
  subscribe(listener: ApiEventListener): () => void;
  onConnectionChange(listener: ConnectionListener): () => void;
}
