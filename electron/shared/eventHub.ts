import type { ApiEventListener } from './contract/types';
import type { ApiEvent } from './schemas/events';

/** Where a transport subscribes to a host's events. */
export interface ApiEventSource {
  subscribe(listener: ApiEventListener): () => void;
}

/** A tiny typed fan-out: the host emits, every transport (IPC, WebSocket) subscribes. */
export interface ApiEventHub extends ApiEventSource {
  emit(event: ApiEvent): void;
}

/** Creates a hub; a listener that throws is skipped so one bad subscriber cannot starve the others. */
export function createEventHub(): ApiEventHub {
  const listeners = new Set<ApiEventListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          console.error('An API event listener failed:', error);
        }
      }
    },
  };
}
