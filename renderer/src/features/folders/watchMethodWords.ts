import type { Folder } from '../../../../electron/shared';

/** How a folder is watched, for its card, when it is not by change events as usual; undefined when it is. */
export function pollingWords(folder: Pick<Folder, 'polling' | 'watchMethod'>): string | undefined {
  if (folder.watchMethod === 'network_polling') return 'polling (network share)';
  return folder.polling === true ? 'polling' : undefined;
}
