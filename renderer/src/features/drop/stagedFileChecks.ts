import { SOURCE_IMAGE_EXTENSIONS, sourceNameRefusal } from '../../../../electron/domain/sourceImages';
import type { DropFailure } from '../../api/hostTypes';

/** What the file chooser offers: the source image types by extension (browsers' image/* would also offer others). */
export const ACCEPTED_FILE_TYPES = ['image/*', ...SOURCE_IMAGE_EXTENSIONS].join(',');

/**
 * Splits dropped or chosen files into those to stage and those refused at once with the reason, so a text file never
 * waits in the list to be refused after Start. The desktop host may be handed a folder (no type, no extension to
 * judge by): it is staged and its images are found when it is queued.
 */
export function checkDroppedFiles(files: readonly File[]): { staged: File[]; refused: DropFailure[] } {
  const staged: File[] = [];
  const refused: DropFailure[] = [];
  for (const file of files) {
    const reason = sourceNameRefusal(file.name);
    if (reason === null) staged.push(file);
    else refused.push({ name: file.name, message: reason });
  }
  return { staged, refused };
}
