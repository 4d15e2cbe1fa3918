import { type Command, Option } from 'commander';
import { resolveDataDir } from '../../../engine/dataDir';
import { collectSourceFiles } from '../../../engine/files/collectSourceFiles';
import { PROFILE_FORMATS, type ProfileFormat } from '../../../domain/outputFormats';
import { refusalOnArrival } from '../../../engine/intake/admitFile';
import { resizeFileLocally } from '../../../engine/output/resizeFileLocally';
import { RunOutputNames } from '../../../engine/output/runOutputNames';
import { ProfileStore } from '../../../engine/profiles';
import { parseTargetSizeList } from '../../../domain/sizes/targetSize';
import { FILL_STYLES, type FillOptions, type FillStyle, SubjectDetector } from '../../../engine/composition';
import { SmartResizeError } from '../../../domain/errors';
import { createFileReporter } from '../fileReport';
import { parseUserMarkFlags } from '../userMarkFlags';
import { resolveResizePlan } from '../resizePlan';

interface ResizeOptions {
  sizes?: string;
  pack?: string;
  placements?: string;
  maxKb?: string;
  profile?: string;
  out?: string;
  format?: ProfileFormat;
  quality?: string;
  json?: boolean;
  recursive?: boolean;
  data?: string;
  provider: 'local';
  pixelLimit?: string;
  fill?: FillStyle;
  fillColour?: string;
  focus?: string;
  keep: string[];
  detect: boolean;
}

/** `smart-resize resize <paths...>`: every file to every size; one bad file never stops the others. */
export function registerResizeCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('resize')
    .description('Resize files (and the images in folders) into exact sizes with the free local engine.')
    .argument('<paths...>', 'image files or folders')
    .option('--sizes <list>', 'comma-separated sizes, e.g. 1080x1080,1920x1080')
    .option('--pack <id>', 'every placement of a spec pack, e.g. iab, google-display, meta (see `smart-resize specs`)')
    .option('--placements <ids>', 'comma-separated placement ids, e.g. iab-300x250,meta-reels')
    .option('--profile <name>', 'a saved profile or built-in preset by name or id (its sizes, format and naming)')
    .option('--max-kb <n>', 'a file-weight budget in KB for every size of this run (a placement\'s own limit applies too)')
    .option('--out <dir>', 'folder the outputs go under (default: beside each source folder)')
    .addOption(new Option('--format <format>', 'output format (auto: JPEG for photos, PNG for transparency or flat art)').choices(PROFILE_FORMATS))
    .option('--quality <1-100>', 'jpeg/webp quality')
    .option('--recursive', 'include images in subfolders of named folders (outputs mirror the subfolders)')
    .option('--pixel-limit <pixels>', 'refuse images with more pixels than this (default: sharp\'s 268402689)')
    .addOption(new Option('--provider <provider>', 'which engine makes the outputs').choices(['local']).default('local'))
    .option('--data <dir>', 'data folder holding profiles and settings (default: SMART_RESIZE_DATA or the app folder)')
    .addOption(new Option('--fill <style>', 'how padded layouts are filled (default: the profile\'s, else blur)').choices(FILL_STYLES))
    .option('--fill-colour <#rrggbb>', 'the colour of --fill solid (default: the image\'s dominant edge colour)')
    .option('--focus <x,y>', 'focal point the crops centre on, as shares 0..1 of the width and height')
    .option('--keep <l,t,w,h>', 'a box that must stay whole, as shares 0..1 (repeatable)', (value: string, all: string[]) => [...all, value], [])
    .option('--no-detect', 'find only the saliency box (no face, object or text detection)')
    .option('--json', 'print one JSON object per file, with each output\'s plan and the subjects found')
    .action(async (paths: string[], options: ResizeOptions) => {
      const plan = resolveResizePlan({
        sizes: options.sizes ? parseTargetSizeList(options.sizes) : undefined,
        pack: options.pack,
        placements: options.placements,
        maxKb: options.maxKb,
        profile: options.profile ? new ProfileStore({ dataDir: resolveDataDir(options.data) }).get(options.profile) : undefined,
        format: options.format,
        quality: options.quality,
        pixelLimit: options.pixelLimit,
      });
      const marks = parseUserMarkFlags(options.focus, options.keep);
      const fill = resolveFill(options.fill, options.fillColour, plan.fill);
      const detector = options.detect ? new SubjectDetector() : undefined;
      const report = createFileReporter(options.json ?? false, process.stdout, process.stderr, plan.falTargets);
      const sources = await collectSourceFiles(paths, { recursive: options.recursive });
      if (sources.length === 0) report.nothingFound(paths);
      let failures = sources.length === 0 ? 1 : 0;
      // One record of the names given for the whole run: Banner.jpg and banner.JPG to one --out never share a name.
      const names = new RunOutputNames();
      for (const source of sources) {
        if (source.kind === 'missing') {
          failures += 1;
          report.failed(source.path, { code: 'file_not_found', message: source.reason });
          continue;
        }
        // The intake's rule of every entry point; the rest of intake (hash, dedupe, a job) is not this command's.
        const refusal = refusalOnArrival({ path: source.path, origin: 'cli' });
        if (refusal !== undefined) {
          failures += 1;
          report.failed(source.path, { code: 'unsupported_format', message: refusal });
          continue;
        }
        try {
          const result = await resizeFileLocally({
            ...plan,
            sourcePath: source.path,
            watchedFolder: source.root,
            outputRoot: options.out,
            fill,
            marks,
            detector,
            names,
          });
          report.done(source.path, result);
        } catch (error) {
          failures += 1;
          report.failed(source.path, error);
        }
      }
      await detector?.close();
      setExitCode(failures > 0 ? 1 : 0);
    });
}

/** The fill of a run: the flags over the profile's; a colour without a style means solid. */
function resolveFill(style: FillStyle | undefined, colour: string | undefined, fromProfile: FillOptions | undefined): FillOptions | undefined {
  if (colour !== undefined && !/^#[0-9a-fA-F]{6}$/.test(colour)) {
    throw new SmartResizeError('invalid_size', `--fill-colour "${colour}": write the colour as #rrggbb, for example #1a2b3c.`);
  }
  if (style === undefined && colour === undefined) return fromProfile;
  return { style: style ?? (colour ? 'solid' : (fromProfile?.style ?? 'blur')), colour: colour ?? fromProfile?.colour };
}
