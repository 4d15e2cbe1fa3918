import type { Command } from 'commander';
import { findPlacement, type PreflightResult } from '../../../domain/placements';
import { SmartResizeError } from '../../../domain/errors';
import { collectSourceFiles } from '../../../engine/files/collectSourceFiles';
import { preflightFile } from '../../../engine/preflight';
import { errorJson } from '../fileReport';

const MARK = { pass: '✓', warn: '!', fail: '✗' } as const;

/** `smart-resize check FILES --placement ID`: preflight of files that already exist; exit 1 when any fails. */
export function registerCheckCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('check')
    .description('Check existing image files against a placement (pixels, aspect, weight, format, colour, safe zone).')
    .argument('<paths...>', 'image files or folders')
    .requiredOption('--placement <id>', 'the placement to check against (see `smart-resize specs`)')
    .option('--json', 'print one JSON object per file')
    .action(async (paths: string[], options: { placement: string; json?: boolean }) => {
      const placement = findPlacement(options.placement);
      if (!placement) throw new SmartResizeError('invalid_size', `No placement has the id "${options.placement}"; \`smart-resize specs\` lists them.`);
      const files = await collectSourceFiles(paths, { recursive: true });
      let failed = files.length === 0;
      if (files.length === 0) process.stderr.write(`✗ No images found in ${paths.join(', ')}.\n`);
      for (const file of files) {
        try {
          if (file.kind === 'missing') throw new SmartResizeError('file_not_found', file.reason);
          const result = await preflightFile(file.path, placement);
          failed ||= result.status === 'fail';
          report(file.path, result, options.json ?? false);
        } catch (error) {
          failed = true;
          if (options.json) process.stdout.write(`${JSON.stringify({ path: file.path, error: errorJson(error) })}\n`);
          else process.stderr.write(`✗ ${file.path}: ${errorJson(error).message}\n`);
        }
      }
      setExitCode(failed ? 1 : 0);
    });
}

function report(path: string, result: PreflightResult, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ path, preflight: result })}\n`);
    return;
  }
  process.stdout.write(`${MARK[result.status]} ${path}: ${result.status} for ${result.placementId}\n`);
  for (const check of result.checks) process.stdout.write(`    ${MARK[check.status]} ${check.id}: ${check.message}\n`);
}
