import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UploadResult } from '../../../electron/shared';
import { startHttpServer, type HttpServerOptions, type RunningHttpServer } from '../../../electron/server/http/startHttpServer';
import { createFakeApi, type FakeApi } from '../../support/fakeApi/createFakeApi';

/** A server over the fake API with throw-away renderer, inbox and home folders. */
export interface ServerFixture {
  server: RunningHttpServer;
  fake: FakeApi;
  root: string;
  inboxDir: string;
  homeDir: string;
  uploads: UploadResult[];
  /** fetch with the bearer token. */
  call(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Starts a fixture; `overrides` tweak the server options. */
export async function startServerFixture(overrides: Partial<HttpServerOptions> = {}): Promise<ServerFixture> {
  const root = await mkdtemp(join(tmpdir(), 'sr-http-'));
  const rendererDir = join(root, 'renderer');
  const homeDir = join(root, 'home');
  const inboxDir = join(root, 'data', 'inbox');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await mkdir(join(homeDir, 'Pictures', 'Campaign'), { recursive: true });
  await mkdir(join(homeDir, '.hidden'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Smart Resize</title>');
  await writeFile(join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'TOP SECRET');
  const fake = createFakeApi();
  const uploads: UploadResult[] = [];
  const server = await startHttpServer({
    handlers: fake.handlers, events: fake.events, rendererDir, inboxDir, homeDir,
    onUpload: (saved) => uploads.push(saved), ...overrides,
  });
  return {
    server, fake, root, inboxDir, homeDir, uploads,
    call: (path, init = {}) =>
      fetch(`${server.origin}${path}`, { ...init, headers: { Authorization: `Bearer ${server.token}`, ...(init.headers as Record<string, string>) } }),
    close: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A GET with the path sent byte for byte (fetch would normalise `..` away before sending). */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The JSON body of a response, loosely typed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on arbitrary response shapes
export const readJson = (response: Response): Promise<any> => response.json();
