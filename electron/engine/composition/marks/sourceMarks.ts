import { UserMarksSchema } from '../../../shared/schemas/marks';
import type { SourceMarksRepository } from '../../store';
import type { UserMarks } from '../userMarks';
import { readSidecarMarks, writeSidecarMarks } from './marksSidecar';

/** A source's marks and when they were set (undefined marks: none yet). */
export interface MarksOfSource {
  readonly marks?: UserMarks;
  readonly updatedAt?: number;
}

/**
 * The marks of a source: the newer of those stored for its content hash (this machine) and those in its XMP
 * sidecar (which travels with the file, e.g. set by a colleague on a shared folder). Sidecar marks newer than the
 * store's are stored, so a renamed copy keeps them too.
 */
export async function marksOfSource(repository: SourceMarksRepository, contentHash: string, sourcePath: string): Promise<MarksOfSource> {
  const stored = await repository.getMarks(contentHash);
  const parsed = stored ? UserMarksSchema.safeParse(stored.marks) : undefined;
  const fromStore = parsed?.success ? { marks: parsed.data, updatedAt: stored!.updatedAt } : undefined;
  const fromSidecar = await readSidecarMarks(sourcePath);
  if (fromSidecar && (!fromStore || fromSidecar.updatedAt > fromStore.updatedAt)) {
    await repository.setMarks(contentHash, fromSidecar.marks, fromSidecar.updatedAt);
    return fromSidecar;
  }
  return fromStore ?? {};
}

/** Stores the marks for the content and writes them into the source's sidecar; returns why the sidecar was not written, if so. */
export async function saveMarksOfSource(repository: SourceMarksRepository, contentHash: string, sourcePath: string, marks: UserMarks): Promise<{ updatedAt: number; notes: string[] }> {
  const { updatedAt } = await repository.setMarks(contentHash, marks);
  const problem = await writeSidecarMarks(sourcePath, marks, updatedAt);
  return { updatedAt, notes: problem ? [`Marks kept in the app; ${problem}.`] : [] };
}
