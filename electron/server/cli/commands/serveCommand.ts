import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { resolveDataDir } from '../../../engine/dataDir';
import { SmartResizeError } from '../../../domain/errors';
import { DEFAULT_RENDERER_DIR, startHeadlessServer } from '../../headless/startHeadlessServer';
import { openWithSystem } from '../../headless/openWithSystem';

interface ServeOptions {
  port?: string;
  data?: string;
  open?: boolean;
  allow: string[];
  store?: string;
  instance?: string;
}

/**
 * `smart-resize serve`: the whole app without Electron, the UI in a browser on 127.0.0.1. Hot folders run as in the
 * desktop app; drops upload into an inbox folder in the data folder. Stops on Ctrl-C, keeping every job.
 */
export function registerServeCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('serve')
    .description('Run the app headless and open its UI in a browser (127.0.0.1 only, with a per-launch token).')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)')
    .option('--data <dir>', 'data folder (default: SMART_RESIZE_DATA or the app folder)')
    .option('--open', 'open the UI in the default browser')
    .option('--allow <dir>', 'a folder outside your home that may be watched too, e.g. a NAS mount (repeatable)', (dir: string, dirs: string[]) => [...dirs, dir], [])
    .option('--store <url>', "the team's job store, postgres://... (default: SMART_RESIZE_STORE, else SQLite in the data folder)")
    .option('--instance <name>', "this instance's name in a team (default: SMART_RESIZE_INSTANCE, else user@host)")
    .action(async (options: ServeOptions) => {
      if (!existsSync(join(DEFAULT_RENDERER_DIR, 'index.html'))) {
        throw new SmartResizeError('file_not_found', 'The UI is not built yet: run `npm run build` first.');
      }
      const port = options.port !== undefined ? Number(options.port) : undefined;
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        throw new SmartResizeError('invalid_settings', `--port must be 0..65535, not "${options.port}".`);
      }
      const dataDir = resolveDataDir(options.data);
      for (const dir of options.allow) {
        if (!existsSync(dir)) throw new SmartResizeError('file_not_found', `--allow ${dir}: no such folder.`);
      }
      const server = await startHeadlessServer({ engine: { dataDir, store: options.store, instance: options.instance }, port, allowedFolders: options.allow });
      const watchable = options.allow.length > 0 ? `\nWatched folders may be in your home folder or: ${options.allow.join(', ')}` : '';
      process.stdout.write(`Smart Resize is running at ${server.http.url}\nData: ${dataDir}\nJobs: ${server.engine.storePath()}${watchable}\nCtrl-C to stop.\n`);
      if (options.open) openWithSystem(server.http.url);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      process.stdout.write('Stopping: jobs are kept and resume next time…\n');
      await server.close();
      setExitCode(0);
    });
}
