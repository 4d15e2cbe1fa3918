import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiEventSource } from '../../shared/eventHub';

const HEARTBEAT_MS = 30_000;
// A page that stops reading (a frozen tab) must not make the server buffer events without end.
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** The WebSocket side of the server: pushes every host event, as JSON, to every connected page. */
export interface EventSocket {
  /** Completes an upgrade the caller has already authorised. */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

/** Creates the event socket over an event source. */
export function createEventSocket(events: ApiEventSource): EventSocket {
  const server = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const alive = new WeakMap<WebSocket, boolean>();

  server.on('connection', (socket) => {
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
    const unsubscribe = events.subscribe((event) => {
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) socket.terminate();
      else socket.send(JSON.stringify(event));
    });
    socket.on('close', unsubscribe);
    socket.on('error', unsubscribe);
  });

  // Pings find connections that died without a close (sleeping laptop, killed browser).
  const heartbeat = setInterval(() => {
    for (const socket of server.clients) {
      if (!alive.get(socket)) socket.terminate();
      else {
        alive.set(socket, false);
        socket.ping();
      }
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    accept(request, socket, head) {
      server.handleUpgrade(request, socket, head, (ws) => server.emit('connection', ws, request));
    },
    close() {
      clearInterval(heartbeat);
      for (const socket of server.clients) socket.terminate();
      server.close();
    },
  };
}
