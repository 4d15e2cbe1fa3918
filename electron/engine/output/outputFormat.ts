import type { OutputFormat } from '../../domain/outputFormats';

/** The file extension ({ext}) for a format, without the dot: `jpg` for JPEG since that is what people expect. */
export function extensionForFormat(format: OutputFormat): string {
  return format === 'jpeg' ? 'jpg' : format;
}
