import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/runtime/engine';
import { createWatchPrinter } from '../../../electron/server/cli/watchPrinter';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

describe('the watch command’s lines', () => {
  it('name states in words, once, with the reason as a sentence', async () => {
    root = mkdtempSync(join(tmpdir(), 'smart-resize-printer-'));
    const engine = new Engine({ dataDir: root, env: {} });
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const printer = createWatchPrinter(engine, out);
    const state = (to: string, reason?: string) =>
      engine.events.emit('stored', { id: 1, jobId: null, at: 0, kind: 'job_state', data: { from: 'queued', to, ...(reason && { reason }) } });
    state('waiting_network', 'waiting for the network');
    state('retry_scheduled', 'fal answered 503');
    state('done');
    printer.stop();
    await engine.stop();
    const lines = text.trim().split('\n').map((line) => line.slice(9));
    expect(lines).toEqual([
      '?: waiting for network — fal could not be reached; it goes out when the network is back.',
      '?: retry scheduled — fal answered 503.',
      '?: done',
    ]);
  });
});
