import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { resolveDataDir } from '../../../engine/dataDir';
import { SmartResizeError } from '../../../engine/errors';
import { ProfileStore } from '../../../engine/profiles';
import { Engine } from '../../../engine/runtime/engine';
import { createWatchPrinter } from '../watchPrinter';

interface WatchOptions {
  profile: string;
  provider: 'local' | 'fal';
  data?: string;
  recursive?: boolean;
  polling?: boolean;
}

/**
 * `smart-resize watch <folder> --profile NAME`: the engine on one hot folder until Ctrl-C, printing each job's
 * progress and result. Stopping hands running jobs back to the durable queue; the next run resumes them.
 */
export function registerWatchCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('watch')
    .description('Watch a folder: every new image is resized with the profile (outputs in sibling folders).')
    .argument('<folder>', 'the folder to watch')
    .requiredOption('--profile <name>', 'profile name or id')
    .addOption(new Option('--provider <provider>', 'fal (uses the profile\'s per-size policy; needs a key) or local only').choices(['local', 'fal']).default('fal'))
    .option('--recursive', 'include subfolders (outputs mirror them)')
    .option('--polling', 'poll for changes (network shares)')
    .option('--data <dir>', 'data folder (default: SMART_RESIZE_DATA or the app folder)')
    .action(async (folder: string, options: WatchOptions) => {
      const path = resolve(folder);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isDirectory()) throw new SmartResizeError('file_not_found', `${path} is not a folder.`);
      const dataDir = resolveDataDir(options.data);
      // A stable id per path, so jobs from an earlier run of the same folder keep their folder.
      const folderId = `watch-${createHash('sha256').update(path).digest('hex').slice(0, 16)}`;
      const profile = new ProfileStore({ dataDir }).get(options.profile);
      const engine = new Engine({
        dataDir,
        forceProvider: options.provider === 'local' ? 'local' : undefined,
        folders: [{ id: folderId, path, profileId: profile.id, enabled: true, recursive: options.recursive ?? false, polling: options.polling ?? false, trusted: false }],
      });
      const printer = createWatchPrinter(engine);
      const usesFal = engine.fal.client() !== undefined;
      printer.line(`Watching ${path} with "${profile.name}" (${usesFal ? 'fal where the profile asks for it' : 'local engine only'}). Data: ${dataDir}. Ctrl-C to stop.`);
      await engine.start();
      await waitForStopSignal();
      printer.line('Stopping: running jobs are kept and resume next time…');
      await engine.stop();
      printer.stop();
      setExitCode(0);
    });
}

function waitForStopSignal(): Promise<void> {
  return new Promise((resolvePromise) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolvePromise();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
