import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import type { CpuLane } from '../jobs/jobRunnerTypes';

/** Finishing steps rank behind every preparing step, whatever the jobs' ages (p-queue runs greater first). */
const FINISH_BAND = 2 ** 30;

/**
 * Runs the CPU-heavy steps of jobs (decoding a source, rendering local sizes, encoding the upload) a core's worth
 * at a time, the job claimed first going first. Finishing fal's outputs waits behind every step that prepares a job:
 * those feed fal, whose slots would otherwise idle while finished work is encoded. The scheduler runs more jobs than there are cores (fal waits
 * overlap), and letting all of them decode at once only interleaves the work: every job reaches fal late, the
 * first one as late as the last, and peak memory holds every decoded source. One at a time per core, the oldest
 * job is uploaded and at fal first while the others wait their turn.
 */
export class CpuGate {
  private readonly queue: PQueue;
  private claims = 0;

  constructor(width = availableParallelism()) {
    this.queue = new PQueue({ concurrency: Math.max(1, width) });
  }

  /** A lane for the job claimed now: its steps rank behind those of every job claimed before it, of their kind. */
  lane(): CpuLane {
    // p-queue runs greater priorities first; a later claim gets a lower one.
    const priority = -(this.claims += 1);
    return {
      run: (task, signal, kind = 'prepare') => this.queue.add(() => task(), { priority: kind === 'finish' ? priority - FINISH_BAND : priority, signal }),
    };
  }
}
