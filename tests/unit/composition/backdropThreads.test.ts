import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backdropSource } from '../../../electron/engine/composition/fills/backdropSource';
import {
  backdropThreadsState,
  blurBackdropOffThread,
  closeBackdropThreads,
  warmUpBackdropThreads,
} from '../../../electron/engine/composition/fills/backdropThreads';
import { blurBackdrop } from '../../../electron/engine/composition/fills/blurFill';
import { loadSourceImage } from '../../../electron/engine/decode';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');
const TARGETS = [
  { width: 1080, height: 1920 },
  { width: 728, height: 90 },
  { width: 300, height: 250 },
];

afterAll(() => closeBackdropThreads());

/** Each target's backdrop request for a source: the region is the middle half, the covered box its placement. */
async function requests(name: string) {
  const { raw } = await loadSourceImage(join(CORPUS, name));
  const shared = await backdropSource(raw, TARGETS);
  const region = { left: Math.round(raw.width / 4), top: Math.round(raw.height / 4), width: Math.round(raw.width / 2), height: Math.round(raw.height / 2) };
  return TARGETS.map((target) => ({ shared, region, target, covered: { left: 10, top: 5, width: Math.round(target.width / 2), height: Math.round(target.height / 2) } }));
}

describe('blur backdrops on worker threads', () => {
  it('makes on a thread the very pixels blurBackdrop makes on this one (RGB and RGBA sources)', async () => {
    await warmUpBackdropThreads();
    expect(backdropThreadsState().loaded).toBeGreaterThan(0);
    const before = backdropThreadsState().madeOnThreads;
    for (const name of ['Landscape_1.jpg', 'grey-8bit-alpha.png']) {
      for (const { shared, region, target, covered } of await requests(name)) {
        const [threaded, here] = await Promise.all([blurBackdropOffThread(shared, region, target, covered), blurBackdrop(shared, region, target, covered)]);
        expect(threaded.length, `${name} ${target.width}x${target.height}`).toBe(target.width * target.height * shared.raw.channels);
        // Pixels inside `covered` are left unset by both: compare the ones each sets.
        expect(setPixels(threaded, target, shared.raw.channels, covered).equals(setPixels(here, target, shared.raw.channels, covered)), `${name} ${target.width}x${target.height}`).toBe(true);
      }
    }
    expect(backdropThreadsState().madeOnThreads - before).toBe(6);
  });

  it('makes here a request no thread can take (its pixels cannot be sent), instead of failing the render', async () => {
    await warmUpBackdropThreads();
    const { shared, region, target } = (await requests('Landscape_1.jpg'))[0]!;
    const expected = await blurBackdrop(shared, region, target);
    const before = backdropThreadsState().madeOnThreads;
    // A proxy cannot be cloned into a message, but this thread reads the pixels through it.
    const unsendable = { ...shared, raw: { ...shared.raw, data: new Proxy(shared.raw.data, {}) } };
    expect((await blurBackdropOffThread(unsendable, region, target)).equals(expected)).toBe(true);
    expect(backdropThreadsState().madeOnThreads).toBe(before);
  });

  it('hands requests waiting on threads that close back to this thread, which makes them', async () => {
    await warmUpBackdropThreads();
    const before = backdropThreadsState().madeOnThreads;
    const waiting = (await requests('Landscape_1.jpg')).map((request) => ({ ...request, made: blurBackdropOffThread(request.shared, request.region, request.target) }));
    await closeBackdropThreads();
    expect(backdropThreadsState().loaded).toBe(0);
    for (const { shared, region, target, made } of waiting) expect((await made).equals(await blurBackdrop(shared, region, target))).toBe(true);
    // Closed before any answer was read: every one was made here.
    expect(backdropThreadsState().madeOnThreads).toBe(before);
  });
});

/** The bytes of the pixels outside `covered`, row by row. */
function setPixels(data: Buffer, target: { width: number; height: number }, channels: number, covered: { left: number; top: number; width: number; height: number }): Buffer {
  const parts: Buffer[] = [];
  for (let y = 0; y < target.height; y += 1) {
    const row = data.subarray(y * target.width * channels, (y + 1) * target.width * channels);
    if (y < covered.top || y >= covered.top + covered.height) parts.push(row);
    else parts.push(row.subarray(0, covered.left * channels), row.subarray((covered.left + covered.width) * channels));
  }
  return Buffer.concat(parts);
}
