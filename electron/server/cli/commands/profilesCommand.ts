import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { resolveDataDir } from '../../../engine/dataDir';
import { formatCents } from '../../../engine/pricing';
import { estimateRequest } from '../../../engine/pricing';
import { isBuiltinProfileId, type Profile, ProfileStore } from '../../../engine/profiles';
import { formatTargetSize } from '../../../domain/sizes/targetSize';

interface StoreOptions {
  data?: string;
  json?: boolean;
}

/** `smart-resize profiles list|show|import|export`: manage saved size profiles and see the built-in presets. */
export function registerProfilesCommand(program: Command, _setExitCode: (code: number) => void): void {
  const profiles = program.command('profiles').description('List, show, import and export size profiles.');
  const openStore = (options: StoreOptions) => new ProfileStore({ dataDir: resolveDataDir(options.data) });
  const print = (text: string) => process.stdout.write(`${text}\n`);

  profiles
    .command('list')
    .description('Built-in presets and your profiles.')
    .option('--data <dir>', 'data folder')
    .option('--json', 'print JSON')
    .action((options: StoreOptions) => {
      const list = openStore(options).list();
      if (options.json) {
        print(JSON.stringify(list, null, 2));
        return;
      }
      for (const profile of list) {
        const kind = isBuiltinProfileId(profile.id) ? 'built-in' : `v${profile.version}`;
        print(`${profile.name}  [${kind}]  ${profile.sizes.map(formatTargetSize).join(', ')}`);
      }
    });

  profiles
    .command('show')
    .description('One profile in full, with what a fal request for one image would cost.')
    .argument('<name>', 'profile name or id')
    .option('--version <n>', 'an older version', (value) => Number(value))
    .option('--data <dir>', 'data folder')
    .option('--json', 'print JSON')
    .action((name: string, options: StoreOptions & { version?: number }) => {
      const profile = openStore(options).get(name, options.version);
      if (options.json) {
        print(JSON.stringify(profile, null, 2));
        return;
      }
      print(describeProfile(profile));
    });

  profiles
    .command('import')
    .description('Import a profile exported as JSON.')
    .argument('<file>', 'the exported JSON file')
    .option('--replace', 'make it a new version of the profile with the same name')
    .option('--data <dir>', 'data folder')
    .option('--json', 'print JSON')
    .action(async (file: string, options: StoreOptions & { replace?: boolean }) => {
      const text = await readFile(file, 'utf8');
      const { profile, outcome } = openStore(options).importProfile(text, { replaceExisting: options.replace });
      if (options.json) {
        print(JSON.stringify({ outcome, profile }, null, 2));
        return;
      }
      print(`${outcome}: ${profile.name} (v${profile.version})`);
    });

  profiles
    .command('export')
    .description('Write a profile as JSON (to stdout, or to --out FILE).')
    .argument('<name>', 'profile name or id')
    .option('--version <n>', 'an older version', (value) => Number(value))
    .option('--out <file>', 'file to write')
    .option('--data <dir>', 'data folder')
    .action(async (name: string, options: StoreOptions & { version?: number; out?: string }) => {
      const text = openStore(options).exportProfile(name, options.version);
      if (options.out) await writeFile(options.out, text.endsWith('\n') ? text : `${text}\n`);
      else print(text);
    });
}

function describeProfile(profile: Profile): string {
  const estimate = estimateRequest(profile.sizes, profile.fal);
  const lines = [
    `${profile.name} (${isBuiltinProfileId(profile.id) ? 'built-in preset' : `version ${profile.version}`}, id ${profile.id})`,
    `  output: ${profile.output.format}, quality ${profile.output.quality}; naming ${profile.naming.template} (${profile.naming.collision} on collision)`,
    `  fal: ${profile.fal.numImagesPerSize} image(s) per size, resolution ≥ ${profile.fal.resolution}, safety ${profile.fal.safetyTolerance}` +
      `${profile.fal.seed !== undefined ? `, seed ${profile.fal.seed}` : ''}${profile.fal.prompt ? `, prompt "${profile.fal.prompt}"` : ''}`,
    '  sizes:',
    ...profile.sizes.map((size) => `    ${formatTargetSize(size)}  ${size.policy}`),
    `  fal cost per image: ${formatCents(estimate.minCents)} to ${formatCents(estimate.maxCents)}`,
  ];
  return lines.join('\n');
}
