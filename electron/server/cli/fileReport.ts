import { describeError, isSmartResizeError } from '../../domain/errors';
import { formatTargetSize } from '../../domain/sizes/targetSize';
import type { LocalResizeResult } from '../../engine/output/resizeFileLocally';

/** Prints each file's outcome as it happens: a line per output for people, or one JSON object per file. */
export interface FileReporter {
  done(source: string, result: LocalResizeResult): void;
  failed(source: string, error: unknown): void;
  nothingFound(paths: readonly string[]): void;
}

/** The JSON error shape of a failed file: a stable code and the message a person reads. */
export function errorJson(error: unknown): { code: string; message: string } {
  if (isSmartResizeError(error)) return { code: error.code, message: error.message };
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    return { code: String(error.code), message: String(error.message) };
  }
  return { code: 'internal_error', message: describeError(error) };
}

/**
 * A reporter writing to stdout (results) and stderr (failures, in human mode). `falTargets`: the sizes the profile
 * sets to fal, which this local-only command makes locally; their outputs say so ("asked for fal, made locally").
 */
export function createFileReporter(
  json: boolean,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  falTargets: ReadonlySet<string> = new Set(),
): FileReporter {
  const line = (stream: NodeJS.WritableStream, text: string) => stream.write(`${text}\n`);
  return {
    done(source, result) {
      const askedForFal = (target: string) => falTargets.has(target);
      const fallbacks = result.outputs.map((output) => formatTargetSize(output.target)).filter(askedForFal);
      const notes = [
        ...result.notes,
        ...(fallbacks.length > 0 ? [`${fallbacks.join(', ')} ${fallbacks.length === 1 ? 'was' : 'were'} set to fal and made by the local engine: the resize command uses the local engine only.`] : []),
      ];
      if (json) {
        line(out, JSON.stringify({
          source,
          status: 'done',
          outputs: result.outputs.map((output) => ({
            path: output.path,
            width: output.width,
            height: output.height,
            target: formatTargetSize(output.target),
            method: output.method,
            provider: 'local',
            askedForFal: askedForFal(formatTargetSize(output.target)),
            written: output.status === 'written',
            plan: { method: output.method, sourceRegion: output.sourceRegion },
            bytes: output.bytes,
            format: output.format,
            ...(output.preflight ? { preflight: output.preflight } : {}),
          })),
          subjects: result.subjects.map((subject) => ({ kind: subject.kind, box: subject.box, ...(subject.label ? { label: subject.label } : {}) })),
          notes,
        }));
        return;
      }
      line(out, `✓ ${source}`);
      for (const note of result.notes) line(out, `    note: ${note}`);
      for (const output of result.outputs) {
        const skipped = output.status === 'skipped' ? ' (exists, skipped)' : '';
        const fallback = askedForFal(formatTargetSize(output.target)) ? ' (asked for fal, made locally)' : '';
        const verdict = output.preflight ? ` [${output.preflight.status}${output.preflight.placementId ? ` ${output.preflight.placementId}` : ''}]` : '';
        line(out, `    ${formatTargetSize(output.target)} ${output.method} → ${output.path}${fallback} (${(output.bytes / 1000).toFixed(0)} KB ${output.format})${verdict}${skipped}`);
        for (const check of output.preflight?.checks ?? []) if (check.status !== 'pass') line(out, `        ${check.status}: ${check.message}`);
      }
    },
    failed(source, error) {
      const { code, message } = errorJson(error);
      if (json) line(out, JSON.stringify({ source, status: 'failed', outputs: [], error: { code, message } }));
      else line(err, `✗ ${source}: ${message}`);
    },
    nothingFound(paths) {
      const message = `No images found in ${paths.join(', ')}.`;
      if (json) line(out, JSON.stringify({ source: paths.join(','), status: 'failed', outputs: [], error: { code: 'file_not_found', message } }));
      else line(err, `✗ ${message}`);
    },
  };
}
