import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/electronegativity.ts');
let fixture: string;

beforeAll(async () => {
  fixture = await mkdtemp(join(tmpdir(), 'sr-eng-'));
  // The classic mistakes: Node in the page, no isolation, and a suppression that names no real check.
  await writeFile(
    join(fixture, 'main.js'),
    [
      "const { BrowserWindow } = require('electron');",
      'const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
      "win.loadURL('http://example.com/'); // eng-disable NOT_A_REAL_CHECK",
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await rm(fixture, { recursive: true, force: true });
});

function runScan(...sources: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise) => {
    execFile(process.execPath, ['--import', 'tsx', SCRIPT, ...sources], (error, stdout, stderr) => {
      resolvePromise({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe('npm run security:electronegativity', () => {
  it('fails, naming each check, on an unsafe window', async () => {
    const scan = await runScan(fixture);
    expect(scan.code).toBe(1);
    expect(scan.output).toContain('NODE_INTEGRATION_JS_CHECK');
    expect(scan.output).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(scan.output).toMatch(/main\.js:2:/);
  });
});
