import type { OutputPlacement, RenderedImage } from '../output/writeRenderedOutputs';
import { writeRenderedOutputs } from '../output/writeRenderedOutputs';
import type { OutputLayout } from '../../domain/outputLayout';
import type { Provider } from '../../domain/providers';
import { formatTargetSize } from '../../domain/sizes/targetSize';
import type { JobStore, StoreTransaction } from '../store';
import { removeStaleOutputTemps } from './staleOutputTemps';
import { outputNameFor } from '../output/caseCollisions';

/** An image of a job's run as the writer takes it: fal's tier, and the local layout it was made by. */
export type RunImage = RenderedImage & { readonly tier?: string | null; readonly layout?: OutputLayout | null };

/**
 * Writes a job's images and records each in the store as it lands (a job that fails on its third file still lists
 * the two on disk), skipping any the job already recorded (a resumed run) and removing temp files an earlier,
 * killed run left for them.
 */
export async function writeAndRecordOutputs(
  store: JobStore,
  jobId: string,
  placement: OutputPlacement,
  images: readonly RunImage[],
  provider: Provider,
  /** More store writes that belong to the commit of the last record (the fal request becoming completed). */
  alsoRecord?: (tx: StoreTransaction) => Promise<unknown>,
): Promise<void> {
  // Only this provider's own records count as written: a review-first preview (local) of a size fal now makes is
  // replaced, while a resumed run skips what it wrote before.
  const recorded = new Set((await store.outputs.listOutputs(jobId)).filter((output) => output.provider === provider).map((output) => `${output.target}#${output.imageIndex}`));
  const pending = images.filter((image) => !recorded.has(`${formatTargetSize(image.target)}#${(image.imageIndex ?? 1) - 1}`));
  // A run killed mid-write left hidden temp files beside these outputs; this run writes them again, so clear those.
  await removeStaleOutputTemps(placement, pending);
  if (pending.length === 0) {
    if (alsoRecord) await store.transaction(alsoRecord);
    return;
  }
  // One commit per file (an fsync each with synchronous=FULL): what is on disk is in the job even if a later file fails.
  await writeRenderedOutputs(placement, pending, {
    adoptIdentical: true,
    // An unmounted share's mount point is not made again on the local disk: the job waits for it (jobFailure).
    rootMustExist: true,
    // Names compared as a case-insensitive share does, decided by the store (the team's, when there is one).
    nameFor: (desiredPath, root) => outputNameFor(store.names, placement.sourcePath, desiredPath, root),
    onWritten: (output, index) =>
      store.transaction(async (tx) => {
        await tx.outputs.addOutput({
          jobId,
          target: formatTargetSize(output.target),
          // The store counts images from 0, the naming template's {n} from 1.
          imageIndex: output.imageIndex - 1,
          path: output.path,
          width: output.width,
          height: output.height,
          provider,
          tier: pending[index]?.tier ?? null,
          bytes: output.bytes,
          format: output.format,
          preflight: output.preflight ?? null,
          // Kept so the job view can draw the size's frame on the source (and compare with that region).
          layout: pending[index]?.layout ?? null,
        });
        if (index === pending.length - 1) await alsoRecord?.(tx);
      }),
  });
}
