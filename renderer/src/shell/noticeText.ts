import type { HeldWork, Notice } from '../../../electron/shared';

/**
 * A notice's words as shown now. A burst notice is a snapshot of the moment the burst began ("3 are held"); files
 * that join later would make it disagree with the banner, so while its burst is held it says the burst's live count.
 */
export function noticeText(notice: Notice, held: HeldWork | undefined, folderName: (id: string) => string): string {
  if (notice.kind !== 'burst' || notice.folderId === undefined) return notice.message;
  const burst = held?.burst.find((candidate) => candidate.folderId === notice.folderId);
  if (!burst) return notice.message;
  const files = `${burst.jobs} file${burst.jobs === 1 ? ' is' : 's are'}`;
  return `${folderName(notice.folderId)} received a burst of files: ${files} held until you let them go ahead.`;
}
