import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashFile } from '../../../electron/engine/intake/hashFile';

describe('hashFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hash-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('gives the sha256 of the bytes, across many stream chunks', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 31) % 251;
    await writeFile(join(dir, 'big.bin'), bytes);
    expect(await hashFile(join(dir, 'big.bin'))).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('differs for different content and matches for copies', async () => {
    await writeFile(join(dir, 'a.jpg'), 'one');
    await writeFile(join(dir, 'b.jpg'), 'one');
    await writeFile(join(dir, 'c.jpg'), 'two');
    const [a, b, c] = await Promise.all(['a.jpg', 'b.jpg', 'c.jpg'].map((name) => hashFile(join(dir, name))));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('rejects with the fs error for a missing file', async () => {
    await expect(hashFile(join(dir, 'missing.jpg'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
