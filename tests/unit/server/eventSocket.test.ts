import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ApiEvent } from '../../../electron/shared';
import { startServerFixture, type ServerFixture } from './serverFixture';

function openSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('the /api/events WebSocket', () => {
  let fixture: ServerFixture;
  let wsOrigin: string;
  beforeAll(async () => {
    fixture = await startServerFixture();
    wsOrigin = fixture.server.origin.replace('http', 'ws');
  });
  afterAll(() => fixture.close());

  it('refuses a connection without the token, with a wrong one, or from another origin', async () => {
    await expect(openSocket(`${wsOrigin}/api/events`)).rejects.toThrow(/401/);
    await expect(openSocket(`${wsOrigin}/api/events?token=wrong`)).rejects.toThrow(/401/);
    await expect(openSocket(`${wsOrigin}/api/events?token=${fixture.server.token}`, { Origin: 'https://evil.example' })).rejects.toThrow(/401/);
  });

  it('pushes host events as JSON to an authorised page', async () => {
    const socket = await openSocket(`${wsOrigin}/api/events`, { Authorization: `Bearer ${fixture.server.token}` });
    const received = new Promise<ApiEvent>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    await fixture.call('/api/call/queue.pause', { method: 'POST' });
    const event = await received;
    expect(event.type).toBe('queue.changed');
    if (event.type === 'queue.changed') expect(event.queue.state).toBe('paused');
    socket.close();
  });
});
