import { downloadUrlDragItem, fileNameOf, outputDownloadPath, outputMimeType } from '../../../electron/shared/outputFiles';
import type { OutputDragEvent } from './hostTypes';

/**
 * The browser host's drag out: the drag carries a `DownloadURL` item for the output's download route, so dropping
 * it on the desktop or a folder makes Chromium download the file there (the launch token's cookie goes with it,
 * like every request of the page), and a `text/uri-list` for targets that take links.
 */
export function offerOutputDownload(event: OutputDragEvent, output: { readonly jobId: string; readonly path: string }): void {
  const transfer = event.dataTransfer;
  if (!transfer) return;
  const url = new URL(outputDownloadPath(output), window.location.origin).href;
  transfer.effectAllowed = 'copy';
  transfer.setData('DownloadURL', downloadUrlDragItem(outputMimeType(output.path), fileNameOf(output.path), url));
  transfer.setData('text/uri-list', url);
}
