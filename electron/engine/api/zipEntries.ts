import { fileNameOf } from '../../shared/outputFiles';

/** What a zip needs of a job: its source's name and its outputs' paths and sizes. */
export interface ZipJob {
  readonly sourceName: string;
  readonly outputs: ReadonlyArray<{ readonly path: string; readonly target: string }>;
}

/** One file of a download zip: the output on disk and its name inside the zip. */
export interface ZipEntry {
  readonly path: string;
  readonly name: string;
}

/**
 * The files of a zip of jobs' outputs, sizes as folders: `1080x1080/photo.jpg`, `1200x628/photo.jpg`. Two sources of
 * one name (from different folders) in one size folder get `photo (2).jpg`, so nothing is overwritten on unzip; a
 * size's further fal variants keep their own file names. Jobs in the order given, then their outputs'.
 */
export function zipEntries(jobs: readonly ZipJob[]): ZipEntry[] {
  const taken = new Set<string>();
  const entries: ZipEntry[] = [];
  for (const job of jobs) {
    for (const output of job.outputs) {
      const name = freeName(`${folderName(output.target)}/${fileNameOf(output.path)}`, taken);
      taken.add(name.toLowerCase());
      entries.push({ path: output.path, name });
    }
  }
  return entries;
}

/** A size's folder name: its "WxH" target, kept to the characters every unzip tool takes. */
function folderName(target: string): string {
  return target.replace(/[^0-9A-Za-z_-]/g, '_') || 'size';
}

/** `name`, or `name (2)`, `name (3)`... before the extension, whichever is not taken yet (case-insensitively). */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  const dot = name.lastIndexOf('.');
  const slash = name.lastIndexOf('/');
  const [stem, extension] = dot > slash + 1 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let count = 2; ; count += 1) {
    const candidate = `${stem} (${count})${extension}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
