import { parentPort } from 'node:worker_threads';
import { describeError } from '../../../domain/errors';
import type { BackdropReply, BackdropRequest } from './backdropProtocol';
import { blurBackdrop } from './blurFill';

/**
 * A backdrop thread (see backdropThreads.ts): makes blur backdrops off the engine's event loop, where a render's
 * plans, sharp calls and encodes wait on them.
 */
parentPort?.on('message', (request: BackdropRequest) => {
  void answer(request).then(({ reply, transfer }) => parentPort?.postMessage(reply, transfer));
});
parentPort?.postMessage({ id: 0 } satisfies BackdropReply);

async function answer(request: BackdropRequest): Promise<{ reply: BackdropReply; transfer: ArrayBuffer[] }> {
  try {
    // Pixels arrive as plain Uint8Arrays; blurBackdrop takes a Buffer, here one over the same bytes.
    const { raw } = request.backdrop;
    const data = Buffer.from(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength);
    const made = await blurBackdrop({ ...request.backdrop, raw: { ...raw, data } }, request.region, request.target, request.covered);
    // A buffer of its own to transfer: a small Buffer may sit in Node's shared pool, which must not be taken away.
    const own = made.byteOffset === 0 && made.buffer.byteLength === made.length ? new Uint8Array(made.buffer) : new Uint8Array(made);
    return { reply: { id: request.id, data: own }, transfer: [own.buffer as ArrayBuffer] };
  } catch (error) {
    return { reply: { id: request.id, error: describeError(error) }, transfer: [] };
  }
}
