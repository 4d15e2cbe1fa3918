import type { ApiEvent, ApiEventListener } from '../../../electron/shared';
import { HTTP_ROUTES, TOKEN_QUERY } from '../../../electron/shared/httpRoutes';
import type { ConnectionListener, EventStream } from './eventStreamTypes';

const MAX_RETRY_MS = 10_000;

/** Opens the stream lazily on the first subscriber. The cookie carries the token unless one is given. */
export function createEventStream(token: string | null): EventStream {
  const listeners = new Set<ApiEventListener>();
  const connectionListeners = new Set<ConnectionListener>();
  let socket: WebSocket | null = null;
  let retryMs = 500;

  const url = new URL(HTTP_ROUTES.events, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (token) url.searchParams.set(TOKEN_QUERY, token);

  const setConnected = (connected: boolean) => connectionListeners.forEach((listener) => listener(connected));

  function connect(): void {
    socket = new WebSocket(url);
    socket.onopen = () => {
      retryMs = 500;
      setConnected(true);
    };
    socket.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as ApiEvent;
      listeners.forEach((listener) => listener(event));
    };
    socket.onclose = () => {
      setConnected(false);
      window.setTimeout(connect, retryMs);
      retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
    };
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => listeners.delete(listener);
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
