// Runs a HotFolderManager on argv[2] with its store in argv[3], as whatever user started it, and prints every
// event as a JSON line. The unreadable-file test starts it as an unprivileged user, since root reads any file.
import { openJobStore } from '../../../electron/engine/store';
import { HotFolderManager } from '../../../electron/engine/watch';

const [folder, dataDir] = process.argv.slice(2) as [string, string];
const store = openJobStore(dataDir);
const manager = new HotFolderManager({
  store,
  resolveProfile: (id) => ({ id, version: 1, provider: 'fal' as const }),
  settleMs: 200,
  onEvent: (event) => {
    process.stdout.write(`${JSON.stringify({ ...event, statuses: manager.statuses() })}\n`);
  },
});
await manager.setFolders([{ id: 'f1', path: folder, profileId: 'meta', enabled: true, recursive: true, polling: false, trusted: false }]);
await manager.start();
process.stdin.on('end', () => {
  void manager.stop().then(async () => {
    await store.close();
    process.stdout.write(`${JSON.stringify({ kind: 'stopped' })}\n`);
  });
});
process.stdin.resume();
