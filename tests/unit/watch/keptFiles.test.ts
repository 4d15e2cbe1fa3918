import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeptFiles, type KeptFile } from '../../../electron/engine/watch/offline/keptFiles';
import { OfflineIntake } from '../../../electron/engine/watch/offline/offlineIntake';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function keptFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kept-files-'));
  made.push(dir);
  return join(dir, 'team-kept-files.jsonl');
}
const entry = (name: string, size = 10): KeptFile => ({ path: `/share/in/${name}`, folderId: 'f1', origin: 'folder', size, mtimeMs: 1000, keptAt: 5 });

describe('files kept while the team database does not answer', () => {
  it('survive a restart: what was kept is read back, what was taken out stays out', async () => {
    const file = keptFile();
    const kept = new KeptFiles(file);
    await Promise.all([kept.keep(entry('a.jpg')), kept.keep(entry('b.jpg')), kept.keep(entry('c.jpg'))]);
    await kept.remove('/share/in/b.jpg');
    const reopened = new KeptFiles(file);
    expect(reopened.list().map((kept) => kept.path)).toEqual(['/share/in/a.jpg', '/share/in/c.jpg']);
    expect(reopened.has('/share/in/a.jpg', { size: 10, mtimeMs: 1000 })).toBe(true);
    expect(reopened.has('/share/in/a.jpg', { size: 11, mtimeMs: 1000 })).toBe(false);
  });

  it('keep one entry per path (a file written again replaces it) and skip a torn last line', async () => {
    const file = keptFile();
    const kept = new KeptFiles(file);
    await kept.keep(entry('a.jpg', 10));
    await kept.keep(entry('a.jpg', 10));
    await kept.keep(entry('a.jpg', 20));
    appendFileSync(file, '{"path":"/share/in/torn.jpg","folderId":"f1","si');
    const reopened = new KeptFiles(file);
    expect(reopened.list()).toEqual([entry('a.jpg', 20)]);
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('are handed back once the store answers, once each until their intake settles', async () => {
    let reachable = false;
    const returns = new Set<() => void>();
    const kept = new KeptFiles(keptFile());
    const offline = new OfflineIntake(
      { reachable: () => reachable, onReturn: (listener) => (returns.add(listener), () => returns.delete(listener)), withoutWaiting: (work) => work(), isUnanswered: () => false },
      kept,
      () => 7,
    );
    const handed: string[] = [];
    offline.start((file) => handed.push(file.path));
    expect(offline.keeping).toBe(true);
    await offline.keep({ path: '/share/in/a.jpg', folderId: 'f1', origin: 'reconcile', snapshot: { size: 3, mtimeMs: 4 } });
    expect(kept.list()).toEqual([{ path: '/share/in/a.jpg', folderId: 'f1', origin: 'reconcile', size: 3, mtimeMs: 4, keptAt: 7 }]);
    expect(handed).toEqual([]);

    reachable = true;
    returns.forEach((listener) => listener());
    offline.handBack((file) => handed.push(file.path));
    expect(handed).toEqual(['/share/in/a.jpg']);
    offline.settled('/share/in/a.jpg');
    await offline.taken('/share/in/a.jpg');
    offline.handBack((file) => handed.push(file.path));
    expect(handed).toEqual(['/share/in/a.jpg']);
    expect(offline.count).toBe(0);
  });
});
