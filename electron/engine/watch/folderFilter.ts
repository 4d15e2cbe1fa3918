import { basename, resolve, sep } from 'node:path';
import { isIgnoredFileName, isWatchedFilePath } from '../files/sourceFileNames';
import { isOutputTempFileName } from '../output';
import { outputFolderNamePattern } from './outputFolders';

/**
 * What inside one watched folder is never work: dot/temp/system names, sidecars, output temp files, folders named
 * like this folder's outputs, and the `excludedFolders` (output folders of any profile, nested watched folders).
 * The same rules serve chokidar's `ignored` and the reconcile scan, so the two never disagree. Other files that are
 * not images are let through: intake refuses them with a trace instead of dropping them unseen.
 */
export class FolderFilter {
  readonly root: string;
  private readonly outputName: RegExp;

  /** `excludedFolders` is read on every check, so the manager can update it without restarting watchers. */
  constructor(
    folderPath: string,
    private readonly excludedFolders: () => readonly string[],
  ) {
    this.root = resolve(folderPath);
    this.outputName = outputFolderNamePattern(this.root);
  }

  /** A sub-folder the watcher and the scan must not enter. The watched folder itself is never ignored. */
  isIgnoredFolder(path: string): boolean {
    if (path === this.root) return false;
    const name = basename(path);
    return isIgnoredFileName(name) || this.outputName.test(name) || this.isExcluded(path);
  }

  /** A file intake must account for: a source image, or a file it refuses with a trace. */
  isCandidateFile(path: string): boolean {
    return isWatchedFilePath(path) && !isOutputTempFileName(basename(path)) && !this.isExcluded(path);
  }

  /**
   * chokidar's `ignored`. It is called with and without stats (a Dirent, when chokidar has one) for the same path;
   * without stats it cannot tell a file from a folder, so only the rules that hold for both apply then (a folder
   * without an image extension must not be ignored just for that). With `foldersOnly`, every file is ignored:
   * chokidar then watches folders alone, and files are followed through the folders' raw events.
   */
  chokidarIgnored(foldersOnly: boolean): (path: string, stats?: { isFile(): boolean }) => boolean {
    return (path, stats) => {
      const absolute = resolve(path);
      if (absolute === this.root) return false;
      if (stats?.isFile()) return foldersOnly || !this.isCandidateFile(absolute);
      return this.isIgnoredFolder(absolute);
    };
  }

  private isExcluded(path: string): boolean {
    return this.excludedFolders().some((folder) => path === folder || path.startsWith(folder + sep));
  }
}
