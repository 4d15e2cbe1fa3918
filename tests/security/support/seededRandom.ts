/** A small seeded PRNG (mulberry32): the same seed gives the same cases, so a failing fuzz case can be replayed. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  bytes(length: number): Buffer {
    return Buffer.from(Array.from({ length }, () => this.int(256)));
  }
}

// Keys the contract's inputs use, prototype-pollution keys, and a few that mean nothing.
const KEYS = ['id', 'path', 'paths', 'profileId', 'draft', 'patch', 'json', 'cursor', 'limit', 'state', 'states', 'maxSide', 'key', 'name',
  'presetId', 'fileCount', 'title', 'sizes', 'width', 'height', 'concurrency', 'falProxyUrl', '__proto__', 'constructor', 'prototype', 'toString', 'x'];

const STRINGS = ['', ' ', '../../../../etc/passwd', '/etc/passwd', '..\\..\\windows', 'C:\\Windows\\win.ini', '%2e%2e%2f', '\u0000', 'a\u0000b',
  '<script>alert(1)</script>', '{{7*7}}', '${process.env}', 'NaN', '-1', '1e309', '\ud800', '🙂'.repeat(50), 'file:///etc/passwd', 'http://169.254.169.254/'];

/** A random JSON value: primitives, odd strings, huge strings, arrays and objects with contract-like keys. */
export function randomJson(random: SeededRandom, depth = 0): unknown {
  const kind = random.int(depth > 3 ? 6 : 9);
  switch (kind) {
    case 0: return null;
    case 1: return random.next() < 0.5;
    case 2: return random.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, 65536, 16]);
    case 3: return random.pick(STRINGS);
    case 4: return 'x'.repeat(random.pick([4097, 10_000, 100_000]));
    case 5: return random.bytes(random.int(40)).toString('latin1');
    case 6: return Array.from({ length: random.int(4) }, () => randomJson(random, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let index = random.int(5); index > 0; index -= 1) object[random.pick(KEYS)] = randomJson(random, depth + 1);
      return object;
    }
  }
}
