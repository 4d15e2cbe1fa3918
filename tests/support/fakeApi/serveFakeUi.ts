// Serves the BUILT renderer (run `npx electron-vite build` first; it lands in out/renderer) through the real headless
// transport with the in-memory fake host, for screenshots and UI end-to-end tests. Builds nothing itself.
//   npx tsx tests/support/fakeApi/serveFakeUi.ts [--port N] [--token T] [--bulk N] [--static]
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHttpServer } from '../../../electron/server/http/startHttpServer';
import { createFakeApi } from './createFakeApi';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    token: { type: 'string' },
    bulk: { type: 'string', default: '0' },
    static: { type: 'boolean', default: false },
    renderer: { type: 'string', default: 'out/renderer' },
  },
});

const rendererDir = resolve(values.renderer);
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first.`);
  process.exit(1);
}

// A throw-away home and inbox, so the folder browser never shows the real home folder in screenshots.
const root = await mkdtemp(join(tmpdir(), 'sr-fake-ui-'));
const homeDir = join(root, 'home');
for (const folder of ['Campaigns/Spring Sale', 'Campaigns/Display Banners', 'Pictures/Shoots', 'Desktop']) {
  await mkdir(join(homeDir, folder), { recursive: true });
}

const fake = createFakeApi({ bulkJobs: Number(values.bulk) });
const server = await startHttpServer({
  handlers: fake.handlers,
  events: fake.events,
  rendererDir,
  inboxDir: join(root, 'inbox'),
  homeDir,
  port: Number(values.port),
  token: values.token,
});
const ticker = values.static ? null : setInterval(() => fake.tick(), 800);
console.log(`Fake Smart Resize UI: ${server.url}`);

async function shutdown(): Promise<void> {
  if (ticker) clearInterval(ticker);
  await server.close();
  await rm(root, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
