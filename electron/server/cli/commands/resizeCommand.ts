import { type Command, Option } from 'commander';
import { resolveDataDir } from '../../../engine/dataDir';
import { collectSourceFiles } from '../../../engine/files/collectSourceFiles';
import { OUTPUT_FORMATS, type OutputFormat } from '../../../domain/outputFormats';
import { resizeFileLocally } from '../../../engine/pipeline/resizeFileLocally';
import { ProfileStore } from '../../../engine/profiles';
import { parseTargetSizeList } from '../../../domain/sizes/targetSize';
import { createFileReporter } from '../fileReport';
import { resolveResizePlan } from '../resizePlan';

interface ResizeOptions {
  sizes?: string;
  profile?: string;
  out?: string;
  format?: OutputFormat;
  quality?: string;
  json?: boolean;
  recursive?: boolean;
  data?: string;
  provider: 'local';
  pixelLimit?: string;
}

/** `smart-resize resize <paths...>`: every file to every size; one bad file never stops the others. */
export function registerResizeCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('resize')
    .description('Resize files (and the images in folders) into exact sizes with the free local engine.')
    .argument('<paths...>', 'image files or folders')
    .option('--sizes <list>', 'comma-separated sizes, e.g. 1080x1080,1920x1080')
    .option('--profile <name>', 'a saved profile or built-in preset by name or id (its sizes, format and naming)')
    .option('--out <dir>', 'folder the outputs go under (default: beside each source folder)')
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS))
    .option('--quality <1-100>', 'jpeg/webp quality')
    .option('--recursive', 'include images in subfolders of named folders (outputs mirror the subfolders)')
    .option('--pixel-limit <pixels>', 'refuse images with more pixels than this (default: sharp\'s 268402689)')
    .addOption(new Option('--provider <provider>', 'which engine makes the outputs').choices(['local']).default('local'))
    .option('--data <dir>', 'data folder holding profiles and settings (default: SMART_RESIZE_DATA or the app folder)')
    .option('--json', 'print one JSON object per file')
    .action(async (paths: string[], options: ResizeOptions) => {
      const plan = resolveResizePlan({
        sizes: options.sizes ? parseTargetSizeList(options.sizes) : undefined,
        profile: options.profile ? new ProfileStore({ dataDir: resolveDataDir(options.data) }).get(options.profile) : undefined,
        format: options.format,
        quality: options.quality,
        pixelLimit: options.pixelLimit,
      });
      const report = createFileReporter(options.json ?? false, process.stdout, process.stderr, plan.falTargets);
      const sources = await collectSourceFiles(paths, { recursive: options.recursive });
      if (sources.length === 0) report.nothingFound(paths);
      let failures = sources.length === 0 ? 1 : 0;
      for (const source of sources) {
        if (source.kind === 'missing') {
          failures += 1;
          report.failed(source.path, { code: 'file_not_found', message: source.reason });
          continue;
        }
        try {
          const result = await resizeFileLocally({
            ...plan,
            sourcePath: source.path,
            watchedFolder: source.root,
            outputRoot: options.out,
          });
          report.done(source.path, result);
        } catch (error) {
          failures += 1;
          report.failed(source.path, error);
        }
      }
      setExitCode(failures > 0 ? 1 : 0);
    });
}
