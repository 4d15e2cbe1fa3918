import { performance } from 'node:perf_hooks';
import type { InsertJobResult, JobOptions, JobStore, NewJob, SeenFileInput } from '../store';

/** A commit this soon after the previous one means a burst of files. */
const BULK_WINDOW_MS = 50;
/** How long a burst's next commit waits for more files. */
const LINGER_MS = 25;

interface PendingWrite {
  readonly job: NewJob;
  readonly seen: SeenFileInput;
  /** Recorded with the job when it is new (a review-first folder's files). */
  readonly options?: JobOptions;
  readonly resolve: (result: InsertJobResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Writes hashed files' job and seen-file rows, many files per transaction. With `synchronous=FULL` every commit is
 * an fsync, so a 10,000-file start committed one file at a time spends most of its time waiting on the disk.
 * A lone new file commits in the next turn of the event loop; when commits follow each other (a big start), the
 * next one waits LINGER_MS to gather the files hashed meanwhile (~2 per commit without it, dozens with it).
 * The job row and the seen-file row of a file commit together: a crash never leaves a file "seen" without a job.
 */
export class BatchedIntakeWriter {
  private batch: PendingWrite[] = [];
  private scheduled = false;
  private lastFlushAt = -Infinity;

  constructor(private readonly store: Pick<JobStore, 'transaction'>) {}

  /**
   * Inserts the job unless its (hash, profile id, version) exists, with its options when it is new (in the same
   * commit), and records the file as seen.
   */
  write(job: NewJob, seen: SeenFileInput, options?: JobOptions): Promise<InsertJobResult> {
    return new Promise((resolve, reject) => {
      this.batch.push({ job, seen, options, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      if (performance.now() - this.lastFlushAt < BULK_WINDOW_MS) setTimeout(() => void this.flush(), LINGER_MS);
      else setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.scheduled = false;
    this.lastFlushAt = performance.now();
    let results: InsertJobResult[];
    try {
      results = await this.store.transaction(async (tx) => {
        const inserted: InsertJobResult[] = [];
        for (const { job, seen, options } of batch) {
          const result = await tx.jobs.insertJobIfNew(job);
          if (result.created && options) await tx.reviews.setJobOptions(result.job.id, options);
          inserted.push(result);
          await tx.seenFiles.upsertSeenFile(seen);
        }
        return inserted;
      });
    } catch (error) {
      batch.forEach((write) => write.reject(error));
      return;
    }
    batch.forEach((write, index) => write.resolve(results[index]!));
  }
}
