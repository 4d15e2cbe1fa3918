import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { resolveDataDir } from '../../../engine/dataDir';
import { SmartResizeError } from '../../../domain/errors';
import type { Budget } from '../../../shared/schemas/spend';
import { formatCents } from '../../../engine/pricing';
import { type Profile, ProfileStore } from '../../../engine/profiles';
import { Engine } from '../../../engine/runtime/engine';
import { estimateJob } from '../../../engine/spend';
import { headlessHostServices } from '../../headless/headlessHostServices';
import { createWatchPrinter } from '../watchPrinter';

interface WatchOptions {
  profile: string;
  provider: 'local' | 'fal';
  data?: string;
  recursive?: boolean;
  polling?: boolean;
  trusted?: boolean;
  store?: string;
  instance?: string;
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
    .option('--polling', 'poll for changes (default on network shares: SMB, NFS, sshfs...)')
    .option('--no-polling', 'use change events even on a network share (its other computers\' files are found by the periodic scan)')
    .option('--trusted', 'never hold a burst of files for confirmation (the budget caps still apply)')
    .option('--data <dir>', 'data folder (default: SMART_RESIZE_DATA or the app folder)')
    .option('--store <url>', "the team's job store, postgres://... (default: SMART_RESIZE_STORE, else SQLite in the data folder)")
    .option('--instance <name>', "this instance's name in a team (default: SMART_RESIZE_INSTANCE, else user@host)")
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
        store: options.store,
        instance: options.instance,
        forceProvider: options.provider === 'local' ? 'local' : undefined,
        warmDetector: true,
        folders: [{ id: folderId, path, profileId: profile.id, enabled: true, recursive: options.recursive ?? false, polling: options.polling ?? null, trusted: options.trusted ?? false }],
      });
      const printer = createWatchPrinter(engine);
      const api = engine.api(headlessHostServices());
      const usesFal = (await api.estimate.batch({ profileId: profile.id, fileCount: 1 })).localOnly === null;
      printer.line(`Watching ${path} with "${profile.name}" (${usesFal ? 'fal where the profile asks for it' : 'local engine only'}). Data: ${dataDir}. Ctrl-C to stop.`);
      if (usesFal) for (const text of spendLines(await api.budget.get(), profile, options.trusted ?? false)) printer.line(text);
      await engine.start();
      await waitForStopSignal();
      printer.line('Stopping: running jobs are kept and resume next time…');
      await engine.stop();
      printer.stop();
      setExitCode(0);
    });
}

/** What each image may cost, and the caps and burst rule in force, so money is never spent by surprise. */
function spendLines(budget: Budget, profile: Profile, trusted: boolean): string[] {
  const { minCents, maxCents } = estimateJob(profile);
  if (maxCents === 0) return [];
  const caps = [
    budget.dailyCapCents === null ? undefined : `daily cap ${formatCents(budget.dailyCapCents)}`,
    budget.monthlyCapCents === null ? undefined : `monthly cap ${formatCents(budget.monthlyCapCents)}`,
  ].filter((cap) => cap !== undefined);
  const burst = trusted
    ? 'bursts are not held (--trusted)'
    : `more than ${budget.burstFiles} files within ${budget.burstWindowMinutes} min are held until released in the app (or pass --trusted)`;
  return [`Each new image costs ${formatCents(minCents)} to ${formatCents(maxCents)} at fal.`, `Budget: ${caps.length > 0 ? caps.join(', ') : 'no cap'}; ${burst}.`];
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
