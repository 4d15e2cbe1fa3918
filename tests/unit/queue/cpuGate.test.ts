import { describe, expect, it } from 'vitest';
import { CpuGate } from '../../../electron/engine/queue/cpuGate';

/** A step that stays running until `finish` is called, recording when it began. */
function heldStep(name: string, log: string[]): { run: () => Promise<string>; finish: () => void } {
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: async () => {
      log.push(name);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

describe('CpuGate', () => {
  it('runs at most its width of steps at once', async () => {
    const gate = new CpuGate(2);
    const log: string[] = [];
    const steps = ['a', 'b', 'c'].map((name) => heldStep(name, log));
    const signal = new AbortController().signal;
    const results = steps.map((step) => gate.lane().run(step.run, signal));
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['a', 'b']);
    steps[0]!.finish();
    await expect(results[0]).resolves.toBe('a');
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['a', 'b', 'c']);
    steps[1]!.finish();
    steps[2]!.finish();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c']);
  });

  it('gives a freed core to the job claimed first, even when its step was queued last', async () => {
    const gate = new CpuGate(1);
    const log: string[] = [];
    const signal = new AbortController().signal;
    const first = gate.lane();
    const second = gate.lane();
    const third = gate.lane();
    const blocker = heldStep('first decode', log);
    const running = first.run(blocker.run, signal);
    const waiting = [third.run(async () => void log.push('third decode'), signal), second.run(async () => void log.push('second decode'), signal)];
    const firstUpload = first.run(async () => void log.push('first upload'), signal);
    blocker.finish();
    await Promise.all([running, ...waiting, firstUpload]);
    expect(log).toEqual(['first decode', 'first upload', 'second decode', 'third decode']);
  });

  it('lets a later job prepare for fal before an earlier job finishes the outputs fal made', async () => {
    const gate = new CpuGate(1);
    const log: string[] = [];
    const signal = new AbortController().signal;
    const earlier = gate.lane();
    const later = gate.lane();
    const blocker = heldStep('busy', log);
    const running = gate.lane().run(blocker.run, signal);
    const finishing = earlier.run(async () => void log.push('earlier finish'), signal, 'finish');
    const preparing = later.run(async () => void log.push('later prepare'), signal);
    const laterFinishing = later.run(async () => void log.push('later finish'), signal, 'finish');
    blocker.finish();
    await Promise.all([running, finishing, preparing, laterFinishing]);
    expect(log).toEqual(['busy', 'later prepare', 'earlier finish', 'later finish']);
  });

  it('drops a waiting step whose job is stopped, without running it', async () => {
    const gate = new CpuGate(1);
    const log: string[] = [];
    const blocker = heldStep('busy', log);
    const running = gate.lane().run(blocker.run, new AbortController().signal);
    const controller = new AbortController();
    const dropped = gate.lane().run(async () => void log.push('never'), controller.signal);
    controller.abort('cancel');
    // p-queue rejects a step dropped before it ran with the signal's reason.
    await expect(dropped).rejects.toBe('cancel');
    blocker.finish();
    await running;
    expect(log).toEqual(['busy']);
  });
});
