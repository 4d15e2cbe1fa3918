import { describe, expect, it } from 'vitest';
import { jobAttempts } from '../../../electron/engine/api/jobAttempts';
import type { StoreEvent } from '../../../electron/engine/store';

let id = 0;
const move = (at: number, from: string, to: string, cause?: string): StoreEvent => ({
  id: ++id,
  jobId: 'job',
  at,
  kind: 'job_state',
  data: { from, to, ...(cause && { cause }) },
});

describe('jobAttempts', () => {
  it('counts nothing before the job started', () => {
    expect(jobAttempts([{ id: 1, jobId: 'job', at: 5, kind: 'job_created', data: {} }])).toEqual({ made: 0, roundStartedAt: null });
  });

  it('counts one try through all its states, a wait for the network and a restart included', () => {
    const events = [
      move(10, 'queued', 'preparing'),
      move(11, 'preparing', 'uploading'),
      move(12, 'uploading', 'waiting_network'),
      move(40, 'waiting_network', 'preparing'),
      move(41, 'preparing', 'submitted'),
      move(50, 'submitted', 'submitted', 'recovery'),
      move(60, 'submitted', 'downloading'),
      move(61, 'downloading', 'writing'),
      move(62, 'writing', 'done'),
    ];
    expect(jobAttempts(events)).toEqual({ made: 1, roundStartedAt: 10 });
  });

  it('adds each automatic retry to the round, and starts a new round at the person’s retry', () => {
    const events = [
      move(10, 'queued', 'preparing'),
      move(20, 'preparing', 'retry_scheduled'),
      move(30, 'retry_scheduled', 'preparing'),
      move(40, 'preparing', 'failed'),
      move(100, 'failed', 'queued', 'retry'),
      move(105, 'queued', 'preparing'),
      move(110, 'preparing', 'done'),
    ];
    expect(jobAttempts(events)).toEqual({ made: 3, roundStartedAt: 105 });
  });

  it('resuming a paid fal request after the person’s retry is a try of its own', () => {
    const events = [move(10, 'queued', 'preparing'), move(12, 'writing', 'failed'), move(20, 'failed', 'submitted', 'retry'), move(21, 'submitted', 'downloading')];
    expect(jobAttempts(events)).toEqual({ made: 2, roundStartedAt: 21 });
  });
});
