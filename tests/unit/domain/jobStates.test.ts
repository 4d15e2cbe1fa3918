import { describe, expect, it } from 'vitest';
import { AWAITING_JOB_STATES, RUNNING_JOB_STATES, JOB_STATES, FINISHED_JOB_STATES, WAITING_JOB_STATES, isRunning, isJobState, isFinished, isWaiting, type JobState } from '../../../electron/domain/jobStates';
import { allowedTransitions, canTransition, recoveryStateOnStart, resumeState } from '../../../electron/domain/jobTransitions';

describe('job state machine', () => {
  it('walks the fal happy path and the local path', () => {
    const falPath: JobState[] = ['queued', 'preparing', 'uploading', 'submitted', 'downloading', 'writing', 'done'];
    for (let i = 1; i < falPath.length; i++) expect(canTransition(falPath[i - 1]!, falPath[i]!)).toBe(true);
    expect(canTransition('preparing', 'writing')).toBe(true);
  });

  it('never skips submitting on the fal path and never leaves done', () => {
    expect(canTransition('uploading', 'downloading')).toBe(false);
    expect(canTransition('queued', 'done')).toBe(false);
    expect(canTransition('submitted', 'done')).toBe(false);
    expect(allowedTransitions('done')).toEqual([]);
  });

  it('lets failed and cancelled jobs be retried, and only those terminal states', () => {
    expect(canTransition('failed', 'queued')).toBe(true);
    expect(canTransition('cancelled', 'queued')).toBe(true);
    expect(canTransition('done', 'queued')).toBe(false);
  });

  it('lets a skipped copy only be made anyway (back to queued)', () => {
    expect(allowedTransitions('skipped')).toEqual(['queued']);
  });

  it('allows cancelling every non-terminal state and nothing terminal', () => {
    for (const state of JOB_STATES) {
      expect(canTransition(state, 'cancelled')).toBe(!isFinished(state));
    }
  });

  it('only goes to waiting_network from states that may talk to the network or wait for a retry', () => {
    const from = JOB_STATES.filter((s) => canTransition(s, 'waiting_network'));
    expect(from.sort()).toEqual(['downloading', 'preparing', 'queued', 'retry_scheduled', 'submitted', 'uploading']);
  });

  it('has no self-transitions and only names known states', () => {
    for (const from of JOB_STATES) {
      expect(canTransition(from, from)).toBe(false);
      for (const to of allowedTransitions(from)) expect(isJobState(to)).toBe(true);
    }
  });

  it('partitions the states into active, waiting, awaiting the person and terminal', () => {
    const all = [...RUNNING_JOB_STATES, ...WAITING_JOB_STATES, ...AWAITING_JOB_STATES, ...FINISHED_JOB_STATES].sort();
    expect(all).toEqual([...JOB_STATES].sort());
    expect(JOB_STATES.filter(isRunning)).toEqual(['preparing', 'uploading', 'submitted', 'downloading', 'writing']);
    expect(JOB_STATES.filter(isWaiting)).toEqual(['queued', 'waiting_network', 'waiting_budget', 'retry_scheduled']);
    expect(JOB_STATES.filter(isFinished)).toEqual(['done', 'failed', 'cancelled', 'skipped']);
  });

  it('lets a job awaiting approval only go back in line, finish with its previews or be cancelled', () => {
    expect([...allowedTransitions('awaiting_approval')].sort()).toEqual(['cancelled', 'done', 'queued']);
    const into = JOB_STATES.filter((state) => canTransition(state, 'awaiting_approval'));
    expect(into.sort()).toEqual(['preparing', 'writing']);
    expect(recoveryStateOnStart('awaiting_approval', false)).toBe('awaiting_approval');
  });

  it('recognizes state names', () => {
    expect(isJobState('submitted')).toBe(true);
    expect(isJobState('paused')).toBe(false);
    expect(isJobState(3)).toBe(false);
  });

  it('resumes by request id when one exists', () => {
    expect(resumeState(true)).toBe('submitted');
    expect(resumeState(false)).toBe('queued');
  });
});

describe('recoveryStateOnStart', () => {
  it('restarts jobs caught before submitted', () => {
    for (const state of ['preparing', 'uploading'] as const) {
      expect(recoveryStateOnStart(state, false)).toBe('queued');
      expect(recoveryStateOnStart(state, true)).toBe('queued');
    }
  });

  it('resumes jobs from submitted on by their request id, never resubmitting', () => {
    for (const state of ['submitted', 'downloading', 'writing'] as const) {
      expect(recoveryStateOnStart(state, true)).toBe('submitted');
    }
  });

  it('restarts a job past submitted that has no request id (local engine)', () => {
    expect(recoveryStateOnStart('writing', false)).toBe('queued');
    expect(recoveryStateOnStart('downloading', false)).toBe('queued');
  });

  it('leaves waiting and terminal states alone', () => {
    for (const state of [...WAITING_JOB_STATES, ...FINISHED_JOB_STATES]) {
      expect(recoveryStateOnStart(state, true)).toBe(state);
      expect(recoveryStateOnStart(state, false)).toBe(state);
    }
  });

  it('only produces moves the transition table allows', () => {
    for (const state of RUNNING_JOB_STATES) {
      for (const hasId of [true, false]) {
        const to = recoveryStateOnStart(state, hasId);
        expect(to === state || canTransition(state, to), `${state} -> ${to}`).toBe(true);
      }
    }
  });
});
