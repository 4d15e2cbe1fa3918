// Runs @doyensec/electronegativity over the app's sources and exits 1 on any finding, so CI fails on a new one.
// Its own CLI cannot be used: it needs a commander 2 it does not declare (it picks up ours, v15, and crashes), and
// it never exits non-zero on findings. Suppressions live at the flagged line as `eng-disable CHECK_NAME` comments,
// each with its reason; the only checks turned off here are the ones listed in EXCLUDED_CHECKS, with theirs.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';

interface Finding {
  readonly id: string;
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
  readonly description: string;
  readonly manualReview: boolean;
  readonly severity: { readonly name: string };
  readonly confidence: { readonly name: string };
}

interface ScanResult {
  readonly issues: Finding[];
  readonly errors: { readonly file: string; readonly message: string; readonly tolerable: boolean }[];
}

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>;

const REPO = resolve(import.meta.dirname, '..');
/** What is scanned by default: the main process, preload, engine and server, and the page with its HTML entry (global
 * checks such as navigation limits and the CSP need the main process and the page in one scan). Arguments replace
 * it (the script's own test points it at a deliberately unsafe fixture). */
const SOURCES = process.argv.length > 2 ? process.argv.slice(2) : ['electron', 'renderer/index.html', 'renderer/src'];

const EXCLUDED_CHECKS: Readonly<Record<string, string>> = {
  // Downloads Electron's release list to say whether a newer patch exists: CI has no internet, and the Electron
  // version is pinned by the lockfile and updated with the other dependencies.
  AvailableSecurityFixesGlobalCheck: 'needs the internet',
};

const require = createRequire(import.meta.url);
const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js');
// The tool fetches translations from the internet at every start (1 s timeout, then English). Answer that call
// locally with "nothing new", so a scan never reaches out and never waits.
const gotPath = createRequire(runnerPath).resolve('got');
require.cache[gotPath] = { exports: async () => ({ statusCode: 204, body: '' }) } as unknown as NodeJS.Module;
const run = (require(runnerPath) as { default?: Runner } & Runner).default ?? (require(runnerPath) as Runner);

async function electronVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(REPO, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

async function main(): Promise<number> {
  // One folder holding every source, as the tool scans one input; paths in the report stay repository-relative.
  const staging = await mkdtemp(join(tmpdir(), 'electronegativity-'));
  try {
    for (const source of SOURCES) await cp(resolve(REPO, source), join(staging, isAbsolute(source) ? basename(source) : source), { recursive: true });
    const result = await run(
      {
        input: staging,
        customScan: [],
        excludeFromScan: Object.keys(EXCLUDED_CHECKS).map((name) => name.toLowerCase()),
        electronVersionOverride: await electronVersion(),
        parserPlugins: [],
        isRelative: true,
      },
      false,
    );
    const unreadable = result.errors.filter((error) => !error.tolerable);
    for (const error of unreadable) console.error(`Could not check ${error.file}: ${error.message}`);
    for (const issue of result.issues) {
      const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
      const review = issue.manualReview ? ' (review)' : '';
      console.error(`${issue.id} ${issue.severity.name}/${issue.confidence.name}${review} ${where}: ${issue.description}`);
    }
    const excluded = Object.entries(EXCLUDED_CHECKS).map(([name, why]) => `${name} (${why})`).join(', ');
    console.log(`electronegativity: ${result.issues.length} findings, ${unreadable.length} unreadable files in ${SOURCES.join(', ')}; excluded: ${excluded}.`);
    return result.issues.length > 0 || unreadable.length > 0 ? 1 : 0;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

process.exitCode = await main();
