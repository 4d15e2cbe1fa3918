import { Option, type Command } from 'commander';
import { SmartResizeError } from '../../../domain/errors';
import { resolveDataDir } from '../../../engine/dataDir';
import { ProfileStore } from '../../../engine/profiles';
import { rerunSizeLocally } from '../../../engine/review/rerunLocally';
import { SettingsStore } from '../../../engine/settings/settingsStore';
import { openJobStore } from '../../../engine/store';
import { parseUserMarkFlags } from '../userMarkFlags';
import { rerunAtFal } from './rerunAtFalCommand';

interface RerunOptions {
  size: string;
  provider?: string;
  focus?: string;
  data?: string;
  json?: boolean;
}

/**
 * `smart-resize rerun JOB --size WxH`: makes one size of a job again, the others untouched, in the same store as
 * the app: the local engine lays it out afresh (steered by `--focus X,Y`, shares of the source), free, as a new
 * version of that output at the same path (earlier versions stay restorable in the app). `--provider fal` sends
 * that one size to fal instead (see rerunAtFalCommand).
 */
export function registerRerunCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('rerun')
    .description('Make one size of a job again (a new version of that output; the others stay as they are).')
    .argument('<job>', 'the job id (job ids are in `smart-resize jobs`)')
    .requiredOption('--size <WxH>', 'the size to make again, for example 1080x1350')
    .addOption(new Option('--provider <provider>', 'local (free, the default) or fal (paid: its price is printed first; budget caps apply)').choices(['local', 'fal']).default('local'))
    .option('--focus <x,y>', 'a focal point as shares of the source, for example 0.3,0.4')
    .option('--data <dir>', 'data folder (default: SMART_RESIZE_DATA or the app folder)')
    .option('--json', 'print the new output as one JSON object')
    .action(async (jobId: string, options: RerunOptions) => {
      const dataDir = resolveDataDir(options.data);
      if (options.provider === 'fal') {
        if (options.focus) throw new SmartResizeError('invalid_query', "--focus steers the local engine only: fal's smart-resize takes no focal point.");
        await rerunAtFal(dataDir, jobId, options.size, options.json ?? false);
        setExitCode(0);
        return;
      }
      const store = openJobStore(dataDir);
      try {
        const profiles = new ProfileStore({ dataDir });
        const made = await rerunSizeLocally(
          { store, dataDir, profileOf: (job) => profiles.get(job.profileId, job.profileVersion), pixelLimit: new SettingsStore(dataDir).get().pixelLimit },
          jobId,
          options.size,
          parseUserMarkFlags(options.focus, []),
        );
        const output = (await store.outputs.listOutputs(jobId)).find((candidate) => candidate.path === made.path)!;
        const line = { job: jobId, size: output.target, path: output.path, version: made.version.version, provider: output.provider, bytes: output.bytes, layout: output.layout, costCents: 0 };
        process.stdout.write(options.json ? `${JSON.stringify(line)}\n` : `${output.target} of job ${jobId} made again locally (free): version ${line.version} at ${output.path}\n`);
      } finally {
        await store.close();
      }
      setExitCode(0);
    });
}
