import type { CpuStepKind, JobRunnerDeps } from './jobRunnerTypes';

/** Runs a CPU-heavy step of a job in its CPU lane (oldest job first, a core's worth at a time), or at once without one. */
export function cpuStep<T>(deps: JobRunnerDeps, signal: AbortSignal, task: () => Promise<T>, kind: CpuStepKind = 'prepare'): Promise<T> {
  return deps.cpu ? deps.cpu.run(task, signal, kind) : task();
}
